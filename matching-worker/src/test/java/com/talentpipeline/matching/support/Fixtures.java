package com.talentpipeline.matching.support;

import com.talentpipeline.core.job.ExperienceLevel;
import com.talentpipeline.core.job.Job;
import com.talentpipeline.core.job.JobStatus;
import com.talentpipeline.core.resume.Resume;
import java.util.Arrays;
import java.util.List;

/** Realistic jobs and resumes. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Job job(String title, ExperienceLevel level, String location, boolean remote, String description,
            List<String> requirements, String... skills) {
        return new Job(title, "Acme " + title.split(" ")[0], location, level, JobStatus.ACTIVE,
                Arrays.stream(skills).map(Job.JobSkill::new).toList(), requirements, description, remote);
    }

    public static Job javaBackendSenior() {
        return job("Senior Java Backend Engineer", ExperienceLevel.SENIOR, "Berlin", true,
                "Build and operate Java microservices with Spring Boot on Kubernetes.",
                List.of("5+ years of Java backend development", "Experience with PostgreSQL and Kafka"),
                "Java", "Spring Boot", "PostgreSQL", "Kafka", "Docker", "Kubernetes");
    }

    public static Job javaBackendMid() {
        return job("Java Software Engineer", ExperienceLevel.MID, "Munich", false,
                "Develop REST APIs in Java and Spring for our payments platform.",
                List.of("3 years of Java experience", "SQL databases"), "Java", "Spring Boot", "SQL", "REST");
    }

    public static Job registeredNurse() {
        return job("Registered Nurse", ExperienceLevel.MID, "Hamburg", false,
                "Provide patient care on a busy surgical ward, administer medication and document care plans.",
                List.of("Registered nursing license", "2 years of acute care experience"),
                "Patient care", "Medication administration", "Nursing", "BLS");
    }

    public static Job icuNurse() {
        return job("ICU Nurse", ExperienceLevel.SENIOR, "Berlin", false,
                "Care for critically ill patients in the intensive care unit.",
                List.of("Critical care certification", "5 years of ICU nursing"),
                "Critical care", "Patient care", "Nursing", "ACLS");
    }

    public static Job frontendDeveloper() {
        return job("Frontend Developer", ExperienceLevel.MID, "Remote", true,
                "Build React single page applications in TypeScript.",
                List.of("3 years of frontend development"), "JavaScript", "React", "TypeScript", "CSS");
    }

    public static Resume javaBackendResume() {
        return new Resume("Ada", "Lovelace", "ada@example.com", null,
                "Backend engineer building Java microservices with Spring Boot, Kafka and PostgreSQL.",
                List.of(new Resume.Skill("Java", "Expert"), new Resume.Skill("Spring Boot", "Expert"),
                        new Resume.Skill("Postgres", "Advanced"), new Resume.Skill("Kafka", "Advanced"),
                        new Resume.Skill("Docker", "Advanced"), new Resume.Skill("k8s", "Intermediate")),
                List.of(new Resume.WorkExperience("Senior Backend Engineer", "Fintech GmbH", "2019-01", "present",
                                List.of("Designed Java Spring Boot services processing payments", "Operated Kafka and PostgreSQL")),
                        new Resume.WorkExperience("Java Developer", "Shop AG", "2016-01", "2018-12",
                                List.of("Built REST APIs in Java"))),
                List.of(), List.of());
    }

    public static Resume nurseResume() {
        return new Resume("Florence", "Nightingale", "fn@example.com", null,
                "Registered nurse with acute and critical care experience.",
                List.of(new Resume.Skill("Patient care", null), new Resume.Skill("Nursing", null),
                        new Resume.Skill("Medication administration", null), new Resume.Skill("BLS", null)),
                List.of(new Resume.WorkExperience("Registered Nurse", "City Hospital", "2018-03", "present",
                        List.of("Cared for surgical patients", "Administered medication"))),
                List.of(), List.of());
    }

    public static Resume juniorFrontendResume() {
        return new Resume("Jo", "Dev", "jo@example.com", null, "Junior web developer.",
                List.of(new Resume.Skill("JS", null), new Resume.Skill("React.js", null), new Resume.Skill("HTML", null)),
                List.of(new Resume.WorkExperience("Junior Web Developer", "Agency", "2024-06", "present",
                        List.of("Built React components"))),
                List.of(), List.of());
    }
}
