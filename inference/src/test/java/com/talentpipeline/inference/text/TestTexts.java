package com.talentpipeline.inference.text;

import java.util.ArrayList;
import java.util.List;

/** Realistic resume and job-posting text shared by the encoder tests. */
public final class TestTexts {

    /** Resume and job sentences of typical length. */
    public static final List<String> SENTENCES = List.of(
            "Senior backend engineer with 8 years of Java, Spring Boot and Kafka experience building event-driven microservices.",
            "Designed and operated a PostgreSQL-backed payment platform processing 2 million transactions per day.",
            "We are hiring a backend engineer to build scalable Java services on Kafka and Kubernetes.",
            "Pastry chef wanted: laminated doughs, croissants, viennoiserie and plated desserts for a busy bakery.",
            "Registered nurse with ICU experience, BLS and ACLS certified, comfortable with 12-hour night shifts.",
            "Led a team of five data scientists delivering churn prediction models with Python, pandas and XGBoost.",
            "Frontend developer skilled in React, TypeScript and accessible design systems.",
            "Responsibilities include managing accounts payable, month-end close and vendor reconciliation.",
            "Certified forklift operator seeking warehouse position; OSHA 10 trained, reliable and punctual.",
            "Migrated legacy monolith to Spring Cloud microservices, cutting p99 latency by 40%.",
            "Requirements: 5+ years of experience with AWS, Terraform, CI/CD pipelines and on-call rotations.",
            "Bilingual customer support specialist (English/Spanish) with Zendesk and Salesforce experience.",
            "Machine learning engineer to deploy transformer models for semantic search in production.",
            "Sous chef experienced in French cuisine, menu costing and leading a kitchen brigade of 12.",
            "Contributed to Apache Kafka Streams; wrote exactly-once stateful stream processing jobs.");

    /** A Java/Kafka backend candidate sentence. */
    public static final String BACKEND_CANDIDATE =
            "Built high-throughput Java services consuming Kafka topics and persisting to PostgreSQL.";
    /** A backend engineering job. */
    public static final String BACKEND_JOB =
            "Backend Software Engineer: design and build distributed Java microservices with Kafka.";
    /** An unrelated job. */
    public static final String PASTRY_JOB =
            "Pastry Chef: prepare cakes, tarts, bread and desserts daily in a high-volume French bakery.";

    private static final String[] BACKEND_PARAGRAPH = {
        "I designed and built event-driven Java microservices with Spring Boot and Apache Kafka.",
        "I tuned PostgreSQL queries and indexes, and introduced connection pooling that halved latency.",
        "I wrote integration tests with Testcontainers and ran blue-green deployments on Kubernetes.",
        "I mentored junior engineers on clean code, code review and domain-driven design.",
        "I operated the services on call, built Grafana dashboards and Prometheus alerts.",
    };
    private static final String[] DATA_SCIENCE_PARAGRAPH = {
        "Later I moved into machine learning and trained gradient boosted models on customer data.",
        "I ran A/B experiments, analysed results with Python, pandas and statistical hypothesis tests.",
        "I built feature pipelines in Spark and tracked model experiments with MLflow.",
        "I presented model insights on churn and lifetime value to the executive team.",
        "I fine-tuned transformer language models for text classification of support tickets.",
    };

    private TestTexts() {
    }

    /** @return about {@code words} words about Java backend engineering */
    public static String backendText(int words) {
        return repeat(BACKEND_PARAGRAPH, words);
    }

    /** @return about {@code words} words about data science */
    public static String dataScienceText(int words) {
        return repeat(DATA_SCIENCE_PARAGRAPH, words);
    }

    /** @return {@code n} distinct realistic sentences, for throughput measurement */
    public static List<String> manySentences(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(SENTENCES.get(i % SENTENCES.size()) + " (ref " + i + ")");
        }
        return out;
    }

    private static String repeat(String[] sentences, int words) {
        StringBuilder sb = new StringBuilder();
        int count = 0;
        for (int i = 0; count < words; i++) {
            String s = sentences[i % sentences.length];
            sb.append(s).append(' ');
            count += s.split("\\s+").length;
        }
        return sb.toString().trim();
    }
}
