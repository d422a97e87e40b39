package com.talentpipeline.rag.answer;

import com.talentpipeline.core.resume.Resume;
import java.util.List;

/** Three candidates for the question set. */
final class Resumes {

    private Resumes() {
    }

    static Resume lars() {
        return new Resume("Lars", "Berg", "lars@example.com", null,
                "Backend engineer building event-driven Java microservices with Kafka and Spring Boot.",
                List.of(new Resume.Skill("Java", "Expert"), new Resume.Skill("Spring Boot", null),
                        new Resume.Skill("Apache Kafka", null), new Resume.Skill("PostgreSQL", null),
                        new Resume.Skill("Kubernetes", null)),
                List.of(new Resume.WorkExperience("Senior Backend Engineer", "Nordic Payments", "2019-01", "present",
                        List.of("Designed Kafka Streams pipelines processing 2 billion events a day",
                                "Migrated a monolith to Spring Boot microservices on Kubernetes")),
                        new Resume.WorkExperience("Java Developer", "Telia", "2015-06", "2018-12",
                                List.of("Built billing services in Java and Oracle"))),
                List.of(new Resume.Education("M.Sc. Computer Science", "KTH Royal Institute of Technology", "2015")),
                List.of(new Resume.Certification("Confluent Certified Developer for Apache Kafka", "Confluent")));
    }

    static Resume maya() {
        return new Resume("Maya", "Chen", "maya@example.com", null,
                "Machine learning engineer who builds Python AI services, from model training to production APIs.",
                List.of(new Resume.Skill("Python", "Expert"), new Resume.Skill("PyTorch", null),
                        new Resume.Skill("FastAPI", null), new Resume.Skill("Docker", null)),
                List.of(new Resume.WorkExperience("ML Engineer", "Acme AI", "2021-03", "present",
                        List.of("Deployed NLP models behind FastAPI", "Trained recommendation models on GPUs")),
                        new Resume.WorkExperience("Data Scientist", "ShopCo", "2018-07", "2021-02",
                                List.of("Built churn prediction models with scikit-learn"))),
                List.of(new Resume.Education("B.Sc. Statistics", "University of California, Berkeley", "2018")),
                List.of(new Resume.Certification("AWS Certified Machine Learning - Specialty", "Amazon Web Services")));
    }

    static Resume sofia() {
        return new Resume("Sofia", "Rossi", "sofia@example.com", null,
                "Frontend developer focused on accessible React applications. Enjoys design systems.",
                List.of(new Resume.Skill("TypeScript", "Expert"), new Resume.Skill("React", null),
                        new Resume.Skill("CSS", null), new Resume.Skill("Figma", null)),
                List.of(new Resume.WorkExperience("Frontend Developer", "Studio Nove", "2020-02", "present",
                        List.of("Built a component library in React and TypeScript used by 12 teams",
                                "Raised Lighthouse accessibility scores from 70 to 98"))),
                List.of(new Resume.Education("B.A. Graphic Design", "Politecnico di Milano", "2019")),
                List.of());
    }
}
