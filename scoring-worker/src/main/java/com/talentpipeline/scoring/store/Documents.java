package com.talentpipeline.scoring.store;

import com.talentpipeline.core.job.Job;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.resume.Resume;
import io.r2dbc.postgresql.codec.Json;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Reads of the shared {@code resumes}, {@code resume_files} and {@code jobs} tables (written by the
 * ingest API), always by id and tenant: another tenant's id reads as absent.
 */
@Repository
public class Documents {

    private final DatabaseClient db;

    public Documents(DatabaseClient db) {
        this.db = db;
    }

    /** A resume's latest stored content. */
    public record StoredResume(int version, Resume resume) {
    }

    /** The tenant's resume, or empty. */
    public Mono<StoredResume> resume(String tenant, String resumeId) {
        return db.sql("SELECT version, content FROM resumes WHERE id = :id AND tenant_id = :tenant")
                .bind("id", resumeId).bind("tenant", tenant)
                .map(row -> new StoredResume(row.get("version", Integer.class),
                        PipelineJson.mapper().readValue(row.get("content", Json.class).asString(), Resume.class)))
                .one();
    }

    /** The text extracted from the resume's uploaded file for that version, or empty (a JSON submission). */
    public Mono<String> sourceText(String tenant, String resumeId, int version) {
        return db.sql("SELECT text FROM resume_files WHERE resume_id = :id AND tenant_id = :tenant AND version = :version")
                .bind("id", resumeId).bind("tenant", tenant).bind("version", version)
                .map(row -> row.get("text", String.class))
                .one();
    }

    /** The tenant's job, or empty. */
    public Mono<Job> job(String tenant, String jobId) {
        return db.sql("SELECT content FROM jobs WHERE id = :id AND tenant_id = :tenant")
                .bind("id", jobId).bind("tenant", tenant)
                .map(row -> PipelineJson.mapper().readValue(row.get("content", Json.class).asString(), Job.class))
                .one();
    }
}
