package com.talentpipeline.scoring.store;

import static com.talentpipeline.core.vector.Float4Arrays.boxed;
import static com.talentpipeline.core.vector.Float4Arrays.unboxed;

import com.talentpipeline.core.erasure.ErasedSubjects;
import com.talentpipeline.core.erasure.SubjectLock;
import io.r2dbc.postgresql.codec.Json;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * {@code resume_scores} (one row per scored resume version), scoped by tenant. The results API writes
 * the {@code resume_score} and {@code career_path} predictions rows from the scoring task's result.
 */
@Repository
public class ScoreStore {

    private final DatabaseClient db;
    private final TransactionalOperator tx;

    public ScoreStore(DatabaseClient db, TransactionalOperator tx) {
        this.db = db;
        this.tx = tx;
    }

    /**
     * A resume version's profile vector and the version of the model that produced it.
     *
     * @param model  model version
     * @param vector the vector
     */
    public record ProfileVector(String model, float[] vector) {
    }

    /** The profile vector stored with the tenant's latest scored version of the resume, or empty. */
    public Mono<ProfileVector> latestProfile(String tenant, String resumeId) {
        return db.sql("""
                        SELECT profile_model, profile_vector FROM resume_scores
                        WHERE tenant_id = :tenant AND resume_id = :id AND profile_vector IS NOT NULL
                        ORDER BY version DESC LIMIT 1""")
                .bind("tenant", tenant).bind("id", resumeId)
                .map(row -> new ProfileVector(row.get("profile_model", String.class),
                        unboxed(row.get("profile_vector", Float[].class))))
                .one();
    }

    /** A stored score row. */
    public record Stored(int version, String scorerVersion, UUID taskId, String result) {
    }

    /**
     * Upserts the score of a version, unless a newer version is already stored or the resume was erased.
     * Emits true when stored, false when skipped. (The results API writes the version's predictions rows
     * from the task's SUCCEEDED result: they are its table.)
     */
    public Mono<Boolean> save(String tenant, String resumeId, int version, String scorerVersion, String contentHash,
            UUID taskId, String result, ProfileVector profile) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        var spec = db.sql("""
                        INSERT INTO resume_scores AS s (tenant_id, resume_id, version, scorer_version, content_hash, task_id,
                            result, created_at, profile_model, profile_vector)
                        SELECT :tenant, :id, :version, :scorer, :hash, :task, :result, :at, :profileModel, :profileVector
                        WHERE NOT EXISTS (SELECT 1 FROM resume_scores n WHERE n.tenant_id = :tenant AND n.resume_id = :id AND n.version > :version)
                        ON CONFLICT (tenant_id, resume_id, version) DO UPDATE SET scorer_version = EXCLUDED.scorer_version,
                            content_hash = EXCLUDED.content_hash, task_id = EXCLUDED.task_id, result = EXCLUDED.result,
                            created_at = EXCLUDED.created_at, profile_model = EXCLUDED.profile_model,
                            profile_vector = EXCLUDED.profile_vector
                        RETURNING s.version""")
                .bind("tenant", tenant).bind("id", resumeId).bind("version", version).bind("scorer", scorerVersion)
                .bind("hash", contentHash).bind("task", taskId).bind("result", Json.of(result)).bind("at", now);
        spec = profile == null ? spec.bindNull("profileModel", String.class).bindNull("profileVector", Float[].class)
                : spec.bind("profileModel", profile.model()).bind("profileVector", boxed(profile.vector()));
        Mono<Boolean> work = spec
                .map(row -> row.get(0, Integer.class))
                .one()
                .map(v -> true)
                .defaultIfEmpty(false);
        // The erasure kit's guard: under the subject's lock, nothing is stored about an erased resume.
        return tx.transactional(ErasedSubjects.unlessErased(db, tenant, resumeId, work).defaultIfEmpty(false));
    }

    /** The highest stored version's score of the tenant's resume, or empty. */
    public Mono<Stored> latest(String tenant, String resumeId) {
        return db.sql("""
                        SELECT version, scorer_version, task_id, result FROM resume_scores
                        WHERE tenant_id = :tenant AND resume_id = :id ORDER BY version DESC LIMIT 1""")
                .bind("tenant", tenant).bind("id", resumeId)
                .map(row -> new Stored(row.get("version", Integer.class), row.get("scorer_version", String.class),
                        row.get("task_id", UUID.class), row.get("result", Json.class).asString()))
                .one();
    }

    /** The highest stored version of the resume, or empty. */
    public Mono<Integer> latestVersion(String tenant, String resumeId) {
        return db.sql("SELECT max(version) AS v FROM resume_scores WHERE tenant_id = :tenant AND resume_id = :id")
                .bind("tenant", tenant).bind("id", resumeId)
                .map(row -> java.util.Optional.ofNullable(row.get("v", Integer.class)))
                .one()
                .flatMap(v -> v.map(Mono::just).orElseGet(Mono::empty));
    }

    /**
     * Removes every score of the resume (erasure, under the subject's lock) and emits how many rows went.
     * Predictions belong to the results API, which erases them itself.
     */
    public Mono<Long> erase(String tenant, String resumeId) {
        return tx.transactional(SubjectLock.acquire(db, tenant, resumeId)
                .then(db.sql("DELETE FROM resume_scores WHERE tenant_id = :tenant AND resume_id = :id")
                        .bind("tenant", tenant).bind("id", resumeId).fetch().rowsUpdated()));
    }
}
