package com.talentpipeline.matching.store;

import com.talentpipeline.core.json.PipelineJson;
import io.r2dbc.postgresql.codec.Json;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Upserts the {@code recommendations} row of a resume version in {@code predictions} (V6): one row per
 * (tenant, resume, version, kind), so a redelivered event rewrites it instead of adding one.
 */
@Repository
public class PredictionStore {

    /** The {@code predictions.kind} of recommendations. */
    public static final String KIND = "recommendations";

    private final DatabaseClient db;

    public PredictionStore(DatabaseClient db) {
        this.db = db;
    }

    /** Writes the summary (derived values only: job ids, titles, percentages). */
    public Mono<Void> upsert(String tenantId, String resumeId, int version, UUID taskId, Object summary) {
        UUID id = UUID.nameUUIDFromBytes((tenantId + "|" + resumeId + "|" + version + "|" + KIND).getBytes(StandardCharsets.UTF_8));
        return db.sql("""
                        INSERT INTO predictions (id, tenant_id, resume_id, resume_version, kind, task_id, summary, created_at)
                        VALUES (:id, :tenant, :resume, :version, :kind, :task, :summary, :at)
                        ON CONFLICT (tenant_id, resume_id, resume_version, kind) DO UPDATE SET
                            task_id = EXCLUDED.task_id, summary = EXCLUDED.summary, created_at = EXCLUDED.created_at""")
                .bind("id", id).bind("tenant", tenantId).bind("resume", resumeId).bind("version", version)
                .bind("kind", KIND).bind("task", taskId)
                .bind("summary", Json.of(PipelineJson.mapper().writeValueAsString(summary)))
                .bind("at", OffsetDateTime.now(ZoneOffset.UTC))
                .then();
    }
}
