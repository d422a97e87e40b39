package com.talentpipeline.results.prediction;

import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.task.TaskType;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Reads uploads and their worker rows for the prediction resource, always scoped by tenant. An upload is
 * a {@code resume.embedding} task with the version the intake recorded ({@code tasks.subject_version});
 * its parts are the {@code predictions} rows the scoring and matching workers wrote for that version.
 * The resume's current version is its newest upload task's (the intake writes the task with the document,
 * so it is never behind); the owner and the file come from this service's projection of
 * {@code resume.submitted} ({@code resume_versions}), which may not hold a version for a few milliseconds
 * after its 202: then the upload's file is unknown (null), never guessed. One query per page (parts
 * aggregated per upload), one for the workers' tasks.
 */
@Repository
public class PredictionStore {

    private static final String SELECT = """
            SELECT t.id, t.tenant_id, t.subject_id, t.subject_version, t.state, t.error_code, t.error_message,
                   t.created_at, t.updated_at, c.current_version, o.user_id, v.upload, v.file_name, v.media_type,
                   p.parts
            FROM tasks t
            LEFT JOIN resume_versions v
                   ON v.tenant_id = t.tenant_id AND v.resume_id = t.subject_id AND v.version = t.subject_version
            LEFT JOIN LATERAL (
                SELECT max(c.subject_version) AS current_version
                FROM tasks c
                WHERE c.tenant_id = t.tenant_id AND c.subject_id = t.subject_id AND c.type = t.type
            ) c ON true
            LEFT JOIN LATERAL (""" + ResumeOwners.OWNER_OF_TASK_SUBJECT + """
            ) o ON true
            LEFT JOIN LATERAL (
                SELECT jsonb_agg(jsonb_build_object('id', p.id, 'kind', p.kind, 'version', p.resume_version,
                                                    'taskId', p.task_id, 'summary', p.summary,
                                                    'createdAt', p.created_at)) AS parts
                FROM predictions p
                WHERE p.tenant_id = t.tenant_id AND p.resume_id = t.subject_id AND p.resume_version >= t.subject_version
            ) p ON true
            WHERE t.tenant_id = :tenant AND t.type = :type AND t.subject_version IS NOT NULL""";

    private final DatabaseClient db;

    public PredictionStore(DatabaseClient db) {
        this.db = db;
    }

    /** The tenant's upload with this task id, or empty. */
    public Mono<UploadRow> find(String tenantId, UUID taskId) {
        return db.sql(SELECT + " AND t.id = :id")
                .bind("tenant", tenantId).bind("type", TaskType.RESUME_EMBEDDING.wireName()).bind("id", taskId)
                .map(PredictionStore::upload)
                .one();
    }

    /**
     * A page of the tenant's uploads, newest first, after the keyset position (created_at, id);
     * {@code limit + 1} rows are read to know whether there is a next page.
     */
    public Flux<UploadRow> page(String tenantId, String userId, String resumeId, OffsetDateTime afterCreated,
            UUID afterId, int limit) {
        StringBuilder sql = new StringBuilder(SELECT);
        if (userId != null) {
            sql.append(" AND o.user_id = :user AND t.subject_id IN (").append(ResumeOwners.RESUMES_OF_USER).append(")");
        }
        if (resumeId != null) {
            sql.append(" AND t.subject_id = :resume");
        }
        if (afterCreated != null) {
            sql.append(" AND (t.created_at, t.id) < (:created, :after)");
        }
        sql.append(" ORDER BY t.created_at DESC, t.id DESC LIMIT :limit");
        var spec = db.sql(sql.toString()).bind("tenant", tenantId).bind("type", TaskType.RESUME_EMBEDDING.wireName())
                .bind("limit", limit + 1);
        if (userId != null) {
            spec = spec.bind("user", userId);
        }
        if (resumeId != null) {
            spec = spec.bind("resume", resumeId);
        }
        if (afterCreated != null) {
            spec = spec.bind("created", afterCreated).bind("after", afterId);
        }
        return spec.map(PredictionStore::upload).all();
    }

    /** The tenant's tasks with these ids (the workers' tasks of the uploads' versions), by id. */
    public Mono<Map<UUID, UploadRow.WorkerTask>> workerTasks(String tenantId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("SELECT id, state, error_code, error_message FROM tasks WHERE tenant_id = :tenant AND id = ANY(:ids)")
                .bind("tenant", tenantId).bind("ids", ids.toArray(UUID[]::new))
                .map(row -> Map.entry(row.get("id", UUID.class), new UploadRow.WorkerTask(row.get("state", String.class),
                        row.get("error_code", String.class), row.get("error_message", String.class))))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .map(m -> (Map<UUID, UploadRow.WorkerTask>) new HashMap<>(m));
    }

    /**
     * The {@code predictions} rows of these resumes, by resume id: read again after the workers' task states,
     * so that a part whose SUCCEEDED state was read is never missing (its rows commit with that state).
     */
    public Mono<Map<String, List<UploadRow.PartRow>>> parts(String tenantId, Collection<String> resumeIds) {
        if (resumeIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("""
                        SELECT id, resume_id, kind, resume_version, task_id, summary, created_at FROM predictions
                        WHERE tenant_id = :tenant AND resume_id = ANY(:resumes)""")
                .bind("tenant", tenantId).bind("resumes", resumeIds.stream().distinct().toArray(String[]::new))
                .map(row -> Map.entry(row.get("resume_id", String.class), new UploadRow.PartRow(
                        row.get("id", UUID.class), row.get("kind", String.class),
                        row.get("resume_version", Integer.class), row.get("task_id", UUID.class),
                        PipelineJson.mapper().readTree(row.get("summary", Json.class).asString()),
                        instant(row.get("created_at", OffsetDateTime.class)))))
                .all()
                .collectMultimap(Map.Entry::getKey, Map.Entry::getValue)
                .map(byResume -> {
                    Map<String, List<UploadRow.PartRow>> out = new HashMap<>();
                    byResume.forEach((resume, rows) -> out.put(resume, List.copyOf(rows)));
                    return out;
                });
    }

    /** Deletes one worker row by its id; emits the number of rows removed. */
    public Mono<Long> deletePart(String tenantId, UUID id) {
        return db.sql("DELETE FROM predictions WHERE id = :id AND tenant_id = :tenant")
                .bind("id", id).bind("tenant", tenantId)
                .fetch().rowsUpdated();
    }

    /** Deletes every worker row of an upload's version; emits the number removed, empty when the upload is unknown. */
    public Mono<Long> deleteUpload(String tenantId, UUID taskId) {
        return db.sql("""
                        DELETE FROM predictions p USING tasks t
                        WHERE t.id = :id AND t.tenant_id = :tenant AND t.type = :type AND t.subject_version IS NOT NULL
                          AND p.tenant_id = t.tenant_id AND p.resume_id = t.subject_id
                          AND p.resume_version = t.subject_version""")
                .bind("id", taskId).bind("tenant", tenantId).bind("type", TaskType.RESUME_EMBEDDING.wireName())
                .fetch().rowsUpdated()
                .flatMap(n -> n > 0 ? Mono.just(n) : find(tenantId, taskId).map(u -> 0L));
    }

    private static UploadRow upload(Readable row) {
        List<UploadRow.PartRow> parts = new ArrayList<>();
        Json json = row.get("parts", Json.class);
        if (json != null) {
            for (JsonNode p : PipelineJson.mapper().readTree(json.asString())) {
                String task = p.path("taskId").isNull() ? null : p.path("taskId").asString();
                parts.add(new UploadRow.PartRow(UUID.fromString(p.get("id").asString()), p.get("kind").asString(),
                        p.get("version").asInt(), task == null ? null : UUID.fromString(task), p.get("summary"),
                        OffsetDateTime.parse(p.get("createdAt").asString()).toInstant()));
            }
        }
        return new UploadRow(row.get("id", UUID.class), row.get("tenant_id", String.class),
                row.get("subject_id", String.class), row.get("subject_version", Integer.class),
                row.get("state", String.class), row.get("error_code", String.class),
                row.get("error_message", String.class), instant(row.get("created_at", OffsetDateTime.class)),
                instant(row.get("updated_at", OffsetDateTime.class)), row.get("current_version", Integer.class),
                row.get("user_id", String.class), row.get("upload", Boolean.class), row.get("file_name", String.class),
                row.get("media_type", String.class), List.copyOf(parts));
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
