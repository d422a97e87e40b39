package com.talentpipeline.scoring.store;

import com.talentpipeline.core.erasure.ErasedSubjects;
import com.talentpipeline.core.erasure.SubjectLock;
import com.talentpipeline.core.job.Job;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.resume.Resume;
import io.r2dbc.postgresql.codec.Json;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The worker's own projection of the documents it scores against ({@code scoring_resumes},
 * {@code scoring_jobs}), filled from {@code resume.submitted} and {@code job.submitted} by
 * {@link DocumentListeners}: the ingest API owns the documents, this worker keeps what it needs of their
 * events. Reads are by id and tenant: another tenant's id reads as absent.
 */
@Repository
public class Documents {

    /** How often a waiting reader looks again for a version the projection has not stored yet. */
    private static final Duration POLL = Duration.ofMillis(100);

    /** The version-guarded upsert of a resume; never for an erased one. */
    private static final String SAVE_RESUME = """
            INSERT INTO scoring_resumes AS r (tenant_id, resume_id, version, content, source_text, updated_at)
            SELECT :tenant, :id, :version, :content, :text, :at
            WHERE %s
            ON CONFLICT (tenant_id, resume_id) DO UPDATE SET version = EXCLUDED.version,
                content = EXCLUDED.content, source_text = EXCLUDED.source_text, updated_at = EXCLUDED.updated_at
            WHERE r.version < EXCLUDED.version
            RETURNING r.version""".formatted(ErasedSubjects.notErased("tenant", "id"));

    private final DatabaseClient db;
    private final TransactionalOperator tx;

    public Documents(DatabaseClient db, TransactionalOperator tx) {
        this.db = db;
        this.tx = tx;
    }

    /**
     * A resume's latest stored version.
     *
     * @param version    the version
     * @param resume     its content
     * @param sourceText the text extracted from the file it was uploaded as, or null (a JSON submission)
     */
    public record StoredResume(int version, Resume resume, String sourceText) {

        /** A version submitted as JSON. */
        public StoredResume(int version, Resume resume) {
            this(version, resume, null);
        }
    }

    /** The tenant's resume, or empty. */
    public Mono<StoredResume> resume(String tenant, String resumeId) {
        return db.sql("SELECT version, content, source_text FROM scoring_resumes WHERE resume_id = :id AND tenant_id = :tenant")
                .bind("id", resumeId).bind("tenant", tenant)
                .map(row -> new StoredResume(row.get("version", Integer.class),
                        PipelineJson.mapper().readValue(row.get("content", Json.class).asString(), Resume.class),
                        row.get("source_text", String.class)))
                .one();
    }

    /**
     * {@code lookup} subscribed again every 100 ms while it is empty, for up to {@code wait}: a document's
     * submitted event may not have reached the projection yet when a request or a derived event about it
     * arrives. Empty when it did not turn up in time: then it is taken as missing.
     */
    public static <T> Mono<T> patiently(Mono<T> lookup, Duration wait) {
        long times = Math.max(0, wait.toMillis() / POLL.toMillis());
        // The companion completing (after `times` polls) completes the lookup empty.
        return lookup.repeatWhenEmpty(ticks -> ticks.take(times).delayElements(POLL));
    }

    /** Whether the resume was erased (a missing projection row then stays missing). */
    public Mono<Boolean> erased(String tenant, String resumeId) {
        return ErasedSubjects.isErased(db, tenant, resumeId);
    }

    /** The tenant's job, or empty. */
    public Mono<Job> job(String tenant, String jobId) {
        return db.sql("SELECT content FROM scoring_jobs WHERE job_id = :id AND tenant_id = :tenant")
                .bind("id", jobId).bind("tenant", tenant)
                .map(row -> PipelineJson.mapper().readValue(row.get("content", Json.class).asString(), Job.class))
                .one();
    }

    /**
     * Stores a resume version unless the same or a newer one is stored or the resume was erased (so a
     * replayed or late event changes nothing, and an erased resume does not come back); emits true when
     * stored. Runs under the subject's lock, like the erasure that deletes the row.
     */
    public Mono<Boolean> saveResume(String tenant, String resumeId, int version, Resume resume, String sourceText) {
        var spec = db.sql(SAVE_RESUME)
                .bind("tenant", tenant).bind("id", resumeId).bind("version", version)
                .bind("content", Json.of(PipelineJson.mapper().writeValueAsString(resume)))
                .bind("at", OffsetDateTime.now(ZoneOffset.UTC));
        spec = sourceText == null ? spec.bindNull("text", String.class) : spec.bind("text", sourceText);
        Mono<Boolean> work = spec.map(row -> true).one().defaultIfEmpty(false);
        return tx.transactional(SubjectLock.acquire(db, tenant, resumeId).then(work));
    }

    /** Stores a job version unless the same or a newer one is stored; emits true when stored. */
    public Mono<Boolean> saveJob(String tenant, String jobId, int version, Job job) {
        return db.sql("""
                        INSERT INTO scoring_jobs AS j (tenant_id, job_id, version, content, updated_at)
                        VALUES (:tenant, :id, :version, :content, :at)
                        ON CONFLICT (tenant_id, job_id) DO UPDATE SET version = EXCLUDED.version,
                            content = EXCLUDED.content, updated_at = EXCLUDED.updated_at
                        WHERE j.version < EXCLUDED.version
                        RETURNING j.version""")
                .bind("tenant", tenant).bind("id", jobId).bind("version", version)
                .bind("content", Json.of(PipelineJson.mapper().writeValueAsString(job)))
                .bind("at", OffsetDateTime.now(ZoneOffset.UTC))
                .map(row -> true).one().defaultIfEmpty(false);
    }

    /** Deletes the resume's projection row (erasure, under the subject's lock); emits how many rows went. */
    public Mono<Long> erase(String tenant, String resumeId) {
        return tx.transactional(SubjectLock.acquire(db, tenant, resumeId)
                .then(db.sql("DELETE FROM scoring_resumes WHERE tenant_id = :tenant AND resume_id = :id")
                        .bind("tenant", tenant).bind("id", resumeId).fetch().rowsUpdated()));
    }
}
