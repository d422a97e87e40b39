package com.talentpipeline.results.task;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.task.ErrorCode;
import com.talentpipeline.core.task.ModelRef;
import com.talentpipeline.core.task.TaskError;
import com.talentpipeline.core.task.TaskEvent;
import com.talentpipeline.core.task.TaskState;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.task.intake.TaskStateRows;
import com.talentpipeline.results.prediction.PredictionProjection;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The task and result tables. Applying an event is an upsert guarded by state rank, so re-delivered
 * or out-of-date events change nothing, and the result row is keyed by task id, so a re-delivered
 * result is never stored twice. A SUCCEEDED score or recommendations result also writes its
 * {@code predictions} rows ({@link PredictionProjection}) in the same transaction.
 */
@Repository
public class TaskStore {

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final PredictionProjection predictions;

    private final TaskStateRows states;

    public TaskStore(DatabaseClient db, TransactionalOperator tx, PredictionProjection predictions) {
        this.db = db;
        this.tx = tx;
        this.predictions = predictions;
        this.states = new TaskStateRows(db, tx);
    }

    /**
     * Applies one task event (through the task kit's {@link TaskStateRows}, the one writer of task rows besides
     * the intake). Emits the task's creation time when the event changed the row (so the caller can measure
     * latency), nothing when it was stale, a duplicate, or its subject was erased.
     */
    public Mono<Instant> apply(EventEnvelope<TaskEvent> envelope) {
        // The predictions rows of a score or recommendations result, in the transaction that stores it.
        return states.apply(envelope, predictions.record(envelope));
    }

    /** A task of the tenant, or empty. */
    public Mono<TaskView> find(String tenantId, UUID taskId) {
        return db.sql("SELECT * FROM tasks WHERE id = :id AND tenant_id = :tenant")
                .bind("id", taskId)
                .bind("tenant", tenantId)
                .map(TaskStore::view)
                .one();
    }

    /**
     * A page of the tenant's tasks, newest first, after the keyset position (created_at, id) of the
     * cursor; {@code limit + 1} rows are read to know whether there is a next page.
     */
    public Flux<TaskView> page(String tenantId, String state, String type, java.time.OffsetDateTime afterCreated,
            UUID afterId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM tasks WHERE tenant_id = :tenant");
        if (state != null) {
            sql.append(" AND state = :state");
        }
        if (type != null) {
            sql.append(" AND type = :type");
        }
        if (afterCreated != null) {
            sql.append(" AND (created_at, id) < (:created, :id)");
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit");
        var spec = db.sql(sql.toString()).bind("tenant", tenantId).bind("limit", limit + 1);
        if (state != null) {
            spec = spec.bind("state", state);
        }
        if (type != null) {
            spec = spec.bind("type", type);
        }
        if (afterCreated != null) {
            spec = spec.bind("created", afterCreated).bind("id", afterId);
        }
        return spec.map(TaskStore::view).all();
    }

    /** The task's stored result, or empty. */
    public Mono<JsonNode> result(UUID taskId) {
        return db.sql("SELECT result FROM task_results WHERE task_id = :id")
                .bind("id", taskId)
                .map(row -> withoutOverlay(PipelineJson.mapper().readTree(row.get("result", Json.class).asString())))
                .one();
    }

    /**
     * An image detection's result carries the overlay PNG (base64) for {@code GET /v1/images/{id}/detections
     * ?overlay=true}; the task view leaves it out (hundreds of KB of base64 no task poller wants).
     */
    private static JsonNode withoutOverlay(JsonNode result) {
        if (result instanceof tools.jackson.databind.node.ObjectNode object && object.has("overlayPng")) {
            object.remove("overlayPng");
        }
        return result;
    }

    /**
     * The result of a type for a document of the tenant (highest document version, newest within it),
     * whether the document exists and its current version, in one round trip (the document table is {@code resumes} or {@code jobs}).
     */
    public Mono<LatestResult> latestResult(String table, String tenantId, String subjectId, String type) {
        return db.sql("""
                        SELECT d.id IS NOT NULL AS document_exists, d.version AS document_version, r.result
                        FROM (SELECT CAST(:subject AS text) AS id) q
                        LEFT JOIN %s d ON d.id = q.id AND d.tenant_id = :tenant
                        LEFT JOIN LATERAL (
                            SELECT result FROM task_results
                            WHERE subject_id = q.id AND type = :type AND tenant_id = :tenant
                            -- Highest document version first: a late result of an old version never
                            -- replaces the result of a newer one.
                            ORDER BY COALESCE((result->>'version')::int, 0) DESC, created_at DESC LIMIT 1) r ON true""".formatted(table))
                .bind("subject", subjectId)
                .bind("type", type)
                .bind("tenant", tenantId)
                .map(row -> {
                    Json result = row.get("result", Json.class);
                    return new LatestResult(Boolean.TRUE.equals(row.get("document_exists", Boolean.class)),
                            result == null ? null : PipelineJson.mapper().readTree(result.asString()),
                            row.get("document_version", Integer.class));
                })
                .one();
    }

    /**
     * The newest task of a type about a subject of the tenant, with its result once it SUCCEEDED (e.g. an
     * image's {@code image.detection} task, whose subject is the image id), or empty when there is none.
     */
    public Mono<SubjectTask> latestTask(String tenantId, String subjectId, String type) {
        return db.sql("""
                        SELECT t.id, t.state, r.result
                        FROM tasks t
                        LEFT JOIN task_results r ON r.task_id = t.id
                        WHERE t.subject_id = :subject AND t.tenant_id = :tenant AND t.type = :type
                        ORDER BY t.created_at DESC LIMIT 1""")
                .bind("subject", subjectId).bind("tenant", tenantId).bind("type", type)
                .map(row -> {
                    Json result = row.get("result", Json.class);
                    return new SubjectTask(row.get("id", UUID.class), row.get("state", String.class),
                            result == null ? null : PipelineJson.mapper().readTree(result.asString()));
                })
                .one();
    }

    /**
     * A subject's newest task of one type.
     *
     * @param result the result document, null until the task SUCCEEDED
     */
    public record SubjectTask(UUID taskId, String state, JsonNode result) {
    }

    /**
     * A document's newest result.
     *
     * @param documentExists  whether the document is known
     * @param result          the result of the highest document version, null when none yet
     * @param documentVersion the document's current version, null when it is unknown
     */
    public record LatestResult(boolean documentExists, JsonNode result, Integer documentVersion) {

        /** Without the document version. */
        public LatestResult(boolean documentExists, JsonNode result) {
            this(documentExists, result, null);
        }
    }

    private static TaskView view(Readable row) {
        String modelName = row.get("model_name", String.class);
        String errorCode = row.get("error_code", String.class);
        UUID id = row.get("id", UUID.class);
        String type = row.get("type", String.class);
        Integer version = row.get("subject_version", Integer.class);
        // Each resume upload has one prediction, keyed by the upload's task id (see PredictionController).
        String prediction = version != null && TaskType.RESUME_EMBEDDING.wireName().equals(type)
                ? "/v1/predictions/" + id : null;
        return new TaskView(
                id,
                type,
                row.get("state", String.class),
                Optional.ofNullable(row.get("progress", Integer.class)).orElse(0),
                row.get("subject_id", String.class),
                instant(row.get("created_at", OffsetDateTime.class)),
                instant(row.get("started_at", OffsetDateTime.class)),
                instant(row.get("finished_at", OffsetDateTime.class)),
                instant(row.get("updated_at", OffsetDateTime.class)),
                modelName == null ? null : new ModelRef(modelName, row.get("model_version", String.class),
                        Optional.ofNullable(row.get("model_dimension", Integer.class)).orElse(0)),
                errorCode == null ? null : new TaskError(ErrorCode.valueOf(errorCode),
                        row.get("error_message", String.class)),
                row.get("cache_hit", Boolean.class),
                row.get("result_link", String.class),
                null,
                version,
                prediction);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /**
     * The newest SUCCEEDED {@code resume.score} result of the tenant's resume (highest resume version,
     * newest within it) and whether the resume is known here at all: a resume is known by its intake
     * task ({@code resume.embedding}, written at the front door when it was submitted) or a score task,
     * both removed when the resume is erased. One round trip; reads only the kit's task tables.
     */
    public Mono<ScoreResult> latestScore(String tenantId, String resumeId) {
        return db.sql("""
                        SELECT EXISTS (SELECT 1 FROM tasks t WHERE t.tenant_id = :tenant AND t.subject_id = :subject
                                         AND t.type IN ('resume.embedding', 'resume.score')) AS known,
                               r.task_id, r.result
                        FROM (SELECT 1) q
                        LEFT JOIN LATERAL (
                            SELECT tr.task_id, tr.result FROM task_results tr
                            JOIN tasks t ON t.id = tr.task_id AND t.state = 'SUCCEEDED'
                            WHERE tr.subject_id = :subject AND tr.type = 'resume.score' AND tr.tenant_id = :tenant
                            ORDER BY COALESCE((tr.result->>'version')::int, 0) DESC, tr.created_at DESC LIMIT 1) r ON true""")
                .bind("subject", resumeId)
                .bind("tenant", tenantId)
                .map(row -> {
                    Json result = row.get("result", Json.class);
                    return new ScoreResult(Boolean.TRUE.equals(row.get("known", Boolean.class)), row.get("task_id", UUID.class),
                            result == null ? null : PipelineJson.mapper().readTree(result.asString()));
                })
                .one();
    }

    /**
     * A resume's newest published score.
     *
     * @param resumeKnown whether the tenant has the resume
     * @param taskId      the score's {@code resume.score} task, null when none succeeded yet
     * @param result      the score as the scoring worker published it, null when none yet
     */
    public record ScoreResult(boolean resumeKnown, UUID taskId, JsonNode result) {
    }
}
