package com.talentpipeline.ingest.door;

import com.talentpipeline.core.door.DoorEntries;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.model.WorkerModels;
import com.talentpipeline.core.resume.Resume;
import com.talentpipeline.core.task.ModelRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Announcements, entries and a resume for the door tests. */
final class DoorFixtures {

    static final String MODEL = "all-minilm-l6-v2@0123456789ab";
    static final String SCORER = "resume-scorer-1.0.0+" + MODEL;
    static final Instant T0 = Instant.parse("2026-12-07T12:00:00Z");

    private DoorFixtures() {
    }

    static WorkerModels embedding(String instance, String model, Instant at) {
        return new WorkerModels("embedding-worker", instance, T0, at, List.of(new WorkerModels.LoadedModel(
                "all-minilm-l6-v2", model, "digest", "PyTorch", "cpu", 384, 100, "jar", 0)));
    }

    static WorkerModels scoring(String instance, String scorer, Instant at) {
        return new WorkerModels("scoring-worker", instance, T0, at, List.of(new WorkerModels.LoadedModel(
                "all-minilm-l6-v2", MODEL, "digest", "PyTorch", "cpu", 384, 100, "jar", 0)),
                scorer == null ? Map.of() : Map.of("resume-score", scorer));
    }

    static DoorEntries.Embedding embeddingEntry(String model) {
        return new DoorEntries.Embedding(new ModelRef("all-minilm-l6-v2", model, 384),
                "/v1/resumes/{resumeId}/embeddings", PipelineJson.mapper().readTree("""
                        {"resumeId":"r-1","version":3,"model":{"name":"all-minilm-l6-v2","version":"%s","dimension":384},
                         "meanEmbeddings":{"skills":[0.6,0.8]},"itemCounts":{"skills":2},
                         "metrics":{"totalExperienceYears":1.0,"skillCount":9,"roleCount":9}}""".formatted(model)));
    }

    static Resume resume() {
        return PipelineJson.mapper().readValue("""
                {"firstName":"Lars","lastName":"Berg","email":"lars@example.com",
                 "summary":"Backend engineer building event-driven Java services.",
                 "skills":[{"name":"Java"},{"name":"Kafka"},{"name":"PostgreSQL"}],
                 "workExperience":[
                   {"jobTitle":"Senior Engineer","company":"Streamly","startDate":"2019-01","endDate":"2020-12",
                    "responsibilities":["Built Kafka pipelines"]},
                   {"jobTitle":"Engineer","company":"Bankly","startDate":"2016-01","endDate":"2018-12",
                    "responsibilities":["Built payment services"]}]}""", Resume.class);
    }
}
