package com.talentpipeline.ingest.document;

import java.util.List;

/** Varied resume texts (section names, layouts, date formats, bullets) and what a reader finds in them. */
final class ResumeFixtures {

    /**
     * Expected values of one fixture.
     *
     * @param roles "title | company | start | end" per dated role
     * @param education "degree | institution | date"
     */
    record Expected(String firstName, String lastName, String email, String phone, List<String> skills,
            List<String> roles, List<String> education, List<String> certifications, int undatedRoles) {
    }

    record Fixture(String name, String text, Expected expected) {
    }

    private ResumeFixtures() {
    }

    static final Fixture CLASSIC = new Fixture("classic", """
            JANE DOE
            Senior Software Engineer
            jane.doe@example.com | +1 (415) 555-0134 | linkedin.com/in/janedoe

            SUMMARY
            Backend engineer with nine years of experience building event-driven systems on the JVM.

            TECHNICAL SKILLS
            Java, Spring Boot, k8s, Postgres, JS, Kafka, Docker

            PROFESSIONAL EXPERIENCE
            Senior Software Engineer, Acme Corp    Jan 2019 - Present
            • Built a Kafka-based ingestion pipeline handling 40k events per second.
            • Led the migration of twelve services to Kubernetes.
            Software Engineer | Globex | 2016 - 2018
            • Designed REST APIs for the billing platform.

            EDUCATION
            B.Sc. Computer Science, University of Toronto, 2015

            CERTIFICATIONS
            Certified Kubernetes Administrator (CNCF), 2021
            """, new Expected("Jane", "Doe", "jane.doe@example.com", "+1 (415) 555-0134",
            List.of("Java", "Spring Boot", "Kubernetes", "PostgreSQL", "JavaScript", "Kafka", "Docker"),
            List.of("Senior Software Engineer | Acme Corp | 2019-01 | present",
                    "Software Engineer | Globex | 2016 | 2018"),
            List.of("B.Sc. Computer Science | University of Toronto | 2015"),
            List.of("Certified Kubernetes Administrator"), 0));

    static final Fixture STACKED = new Fixture("stacked", """
            Carlos Mendez
            carlos.mendez@mail.example
            Phone: 0044 20 7946 0958

            Profile
            Data engineer who likes boring, reliable pipelines.

            Core Competencies
            - Python, PySpark, AWS, Terraform
            - PostgreSQL and Airflow

            Employment History
            Data Engineer
            Northwind Traders
            03/2020 to 06/2021
            - Moved nightly batch jobs to streaming.
            Junior Data Analyst
            Contoso Ltd
            09/2018 to 02/2020
            - Built dashboards in SQL.

            Academic Background
            Master of Science in Data Science
            University of Edinburgh
            2016 - 2018

            Licenses & Certifications
            AWS Certified Data Analytics - Amazon Web Services
            """, new Expected("Carlos", "Mendez", "carlos.mendez@mail.example", "0044 20 7946 0958",
            List.of("Python", "Spark", "AWS", "Terraform", "PostgreSQL"),
            List.of("Data Engineer | Northwind Traders | 2020-03 | 2021-06",
                    "Junior Data Analyst | Contoso Ltd | 2018-09 | 2020-02"),
            List.of("Master of Science in Data Science | University of Edinburgh | 2018"),
            List.of("AWS Certified Data Analytics"), 0));

    static final Fixture DATE_FIRST = new Fixture("date-first", """
            Priya Raman
            Machine Learning Engineer · priya.raman@example.org · +91 98765 43210
            github.com/priyaraman

            About Me
            I turn research prototypes into production models.

            Tech Stack
            PyTorch | TensorFlow | sklearn | Golang | TS | React.js

            Work History
            2017-2019
            Data Scientist at Initech
            ▪ Trained churn models on 3M customers.
            Sept 2014 – Dec 2016
            Research Assistant, Indian Institute of Science
            ▪ Published two papers on graph embeddings.

            Education
            M.Tech in Computer Science
            Indian Institute of Technology Madras, 2014

            Certificates
            TensorFlow Developer Certificate issued by Google
            """, new Expected("Priya", "Raman", "priya.raman@example.org", "+91 98765 43210",
            List.of("PyTorch", "TensorFlow", "scikit-learn", "Go", "TypeScript", "React"),
            List.of("Data Scientist | Initech | 2017 | 2019",
                    "Research Assistant | Indian Institute of Science | 2014-09 | 2016-12"),
            List.of("M.Tech in Computer Science | Indian Institute of Technology Madras | 2014"),
            List.of("TensorFlow Developer Certificate"), 0));

    static final Fixture UNDATED = new Fixture("undated", """
            Tom O'Neil
            tom.oneil@example.net   (555) 010-4477

            Objective
            Frontend developer looking for a product team.

            Skills:
            JavaScript, Vue, Node.js, CSS, HTML, GraphQL

            Experience:
            Frontend Developer - Umbrella Inc
            * Shipped the checkout redesign.
            UI Engineer @ Hooli
            * Maintained the design system.
            Web Developer, Pied Piper   2012.04 – 2015.11
            * Built the marketing site.

            Education:
            BA in Graphic Design - Rhode Island School of Design (2011)
            """, new Expected("Tom", "O'Neil", "tom.oneil@example.net", "(555) 010-4477",
            List.of("JavaScript", "Vue.js", "Node.js", "CSS", "HTML", "GraphQL"),
            List.of("Web Developer | Pied Piper | 2012-04 | 2015-11"),
            List.of("BA in Graphic Design | Rhode Island School of Design | 2011"),
            List.of(), 2));

    /**
     * Held out: written after the parser, in a layout it was not tuned on (company line before the
     * title, ranges with en dashes and abbreviated months, education with the dates first,
     * proficiency in parentheses). Its numbers are reported separately as the honest estimate.
     */
    static final Fixture HELD_OUT = new Fixture("held-out", """
            Lukas Brandt
            Munich, Germany  |  lukas.brandt@example.de  |  +49 151 2345 6789
            https://lukasbrandt.dev

            PROFESSIONAL SUMMARY
            Platform engineer focused on developer experience and reliability.

            SKILLS & TOOLS
            Kotlin (expert), Java, Terraform, Kubernetes, Grafana, Prometheus, GitHub Actions

            WORK EXPERIENCE
            Zalando SE — Berlin
            Staff Platform Engineer
            May 2021 – Present
            • Ran the internal Kubernetes platform for 200 teams.
            N26 — Berlin
            Site Reliability Engineer
            Aug 2018 – Apr 2021
            • Cut paging alerts by 60%.

            EDUCATION
            2012 – 2016   Technical University of Munich   BEng Mechanical Engineering

            CERTIFICATIONS
            Certified Kubernetes Security Specialist, 2022
            HashiCorp Certified: Terraform Associate
            """, new Expected("Lukas", "Brandt", "lukas.brandt@example.de", "+49 151 2345 6789",
            List.of("Kotlin", "Java", "Terraform", "Kubernetes", "Grafana", "Prometheus", "GitHub Actions"),
            List.of("Staff Platform Engineer | Zalando SE | 2021-05 | present",
                    "Site Reliability Engineer | N26 | 2018-08 | 2021-04"),
            List.of("BEng Mechanical Engineering | Technical University of Munich | 2016"),
            List.of("Certified Kubernetes Security Specialist", "HashiCorp Certified: Terraform Associate"), 0));

    static final List<Fixture> ALL = List.of(CLASSIC, STACKED, DATE_FIRST, UNDATED);
}
