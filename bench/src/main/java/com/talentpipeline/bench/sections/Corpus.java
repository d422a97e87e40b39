package com.talentpipeline.bench.sections;

import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.resume.Resume;
import com.talentpipeline.embedding.section.Sections;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded synthetic resumes in the API's JSON schema, varied enough that their section texts (and so
 * their cache keys) differ, and the texts the embedding worker embeds for each (its own
 * {@link Sections}), so the raw encoder and the pipeline see the same work.
 */
public final class Corpus {

    private static final String[] SKILLS = {"Java", "Kotlin", "Python", "Go", "Rust", "TypeScript", "React", "Kafka",
            "PostgreSQL", "Redis", "Kubernetes", "Docker", "AWS", "GCP", "Terraform", "Spark", "PyTorch", "TensorFlow",
            "FastAPI", "Spring Boot", "GraphQL", "gRPC", "Elasticsearch", "Airflow", "dbt", "Snowflake", "Linux", "CI/CD"};
    private static final String[] TITLES = {"Backend Engineer", "Data Engineer", "Machine Learning Engineer",
            "Site Reliability Engineer", "Frontend Developer", "Platform Engineer", "Data Scientist", "Software Engineer"};
    private static final String[] COMPANIES = {"Acme AI", "Streamly", "Bankly", "DataWorks", "Nordic Health",
            "Fintech GmbH", "Studio Nove", "Cloudy", "Shipfast", "Quantix"};
    private static final String[] VERBS = {"Built", "Designed", "Operated", "Migrated", "Scaled", "Automated", "Led",
            "Optimised", "Maintained", "Introduced"};
    private static final String[] OBJECTS = {"event-driven microservices", "a feature store", "batch and streaming ETL",
            "the payments API", "a recommendation service", "observability dashboards", "the CI pipeline",
            "a search index", "model serving behind REST", "a multi-tenant data platform"};
    private static final String[] RESULTS = {"cutting latency by 40%", "serving 2 million users", "with zero downtime",
            "reducing cloud cost by a third", "processing a billion events a day", "for twelve teams",
            "halving incident volume", "in under six months"};

    private final long seed;

    public Corpus(long seed) {
        this.seed = seed;
    }

    /** {@code n} different resumes; the same seed, tag and index give the same resume. */
    public List<String> resumes(int n, String tag) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(resume(tag, i));
        }
        return out;
    }

    /** One resume as JSON. */
    public String resume(String tag, int index) {
        Random r = new Random(seed * 31 + tag.hashCode() * 17L + index);
        StringBuilder skills = new StringBuilder();
        int skillCount = 4 + r.nextInt(6);
        for (int i = 0; i < skillCount; i++) {
            skills.append(i == 0 ? "" : ",").append("{\"name\":\"").append(SKILLS[r.nextInt(SKILLS.length)]).append("\"}");
        }
        StringBuilder roles = new StringBuilder();
        int roleCount = 1 + r.nextInt(3);
        for (int i = 0; i < roleCount; i++) {
            int start = 2010 + r.nextInt(12);
            roles.append(i == 0 ? "" : ",").append("{\"jobTitle\":\"").append(TITLES[r.nextInt(TITLES.length)])
                    .append("\",\"company\":\"").append(COMPANIES[r.nextInt(COMPANIES.length)])
                    .append("\",\"startDate\":\"").append(start).append("-0").append(1 + r.nextInt(9))
                    .append("\",\"endDate\":\"").append(start + 1 + r.nextInt(3)).append("-12\",\"responsibilities\":[");
            int items = 1 + r.nextInt(3);
            for (int k = 0; k < items; k++) {
                roles.append(k == 0 ? "" : ",").append('"').append(sentence(r)).append('"');
            }
            roles.append("]}");
        }
        return "{\"firstName\":\"Bench\",\"lastName\":\"Candidate\",\"email\":\"bench" + index + "@example.com\","
                + "\"summary\":\"" + TITLES[r.nextInt(TITLES.length)] + " (" + tag + " " + index + ") who "
                + sentence(r).toLowerCase() + ".\",\"skills\":[" + skills + "],\"workExperience\":[" + roles + "],"
                + "\"education\":[{\"degree\":\"BSc Computer Science\",\"institution\":\"University of Bench\","
                + "\"graduationDate\":\"2012\"}],\"certifications\":[{\"name\":\"Cloud Architect "
                + (1 + r.nextInt(3)) + "\",\"issuer\":\"Cloud Co\"}]}";
    }

    private static String sentence(Random r) {
        return VERBS[r.nextInt(VERBS.length)] + " " + OBJECTS[r.nextInt(OBJECTS.length)] + " "
                + RESULTS[r.nextInt(RESULTS.length)];
    }

    private static final com.talentpipeline.embedding.worker.ResumeKind RESUMES =
            new com.talentpipeline.embedding.worker.ResumeKind(com.talentpipeline.embedding.config.EmbeddingProperties.defaults());

    /**
     * Every distinct text the embedding worker encodes for a batch of these resumes, exactly as it does:
     * its plan per resume (section items, skills, profile text, retrieval chunks), shared texts once.
     */
    public static List<String> planTexts(List<String> resumeJsons) {
        java.util.Set<String> texts = new java.util.LinkedHashSet<>();
        for (String json : resumeJsons) {
            Resume resume = PipelineJson.mapper().readValue(json, Resume.class);
            RESUMES.plan(new com.talentpipeline.core.resume.ResumeSubmitted("bench", 1, resume)).addTo(texts);
        }
        return new ArrayList<>(texts);
    }

    /** The section texts of this resume, in the worker's order (what it encoded before it encoded everything). */
    public static List<String> texts(String resumeJson) {
        Resume resume = PipelineJson.mapper().readValue(resumeJson, Resume.class);
        List<String> texts = new ArrayList<>();
        Sections.ofResume(resume).values().forEach(texts::addAll);
        return texts;
    }
}
