package com.talentpipeline.core.task.intake;

import com.talentpipeline.core.erasure.SubjectLock;
import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.task.ModelRef;
import com.talentpipeline.core.task.TaskError;
import com.talentpipeline.core.task.TaskEvent;
import com.talentpipeline.core.task.TaskState;
import io.r2dbc.postgresql.codec.Json;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The task kit's other writer of {@code tasks} (and {@code task_results}): a task event from {@code task.events}
 * applied as an upsert guarded by state rank, so re-delivered or out-of-date events change nothing, and the result
 * row keyed by task id, so a re-delivered result is never stored twice. Used by the results API, which projects
 * {@code task.events}; the intake ({@link TaskIntake}) writes a task's first row.
 */
public final class TaskStateRows {

    private static final String RANK = "CASE %s WHEN 'ACCEPTED' THEN 0 WHEN 'RUNNING' THEN 1 ELSE 2 END";

    private final DatabaseClient db;
    private final TransactionalOperator tx;

    public TaskStateRows(DatabaseClient db, TransactionalOperator tx) {
        this.db = db;
        this.tx = tx;
    }

    /**
     * Applies one task event. Emits the task's creation time when the event changed the row (so the
     * caller can measure latency), nothing when it was stale, a duplicate, or its subject was erased.
     */
    public Mono<Instant> apply(EventEnvelope<TaskEvent> envelope) {
        return apply(envelope, Mono.empty());
    }

    /**
     * {@link #apply(EventEnvelope)}, and when the event stores a SUCCEEDED result, {@code withResult} (the
     * owner's own rows derived from that result, e.g. the results API's predictions) in the same transaction.
     */
    public Mono<Instant> apply(EventEnvelope<TaskEvent> envelope, Mono<Void> withResult) {
        TaskEvent event = envelope.payload();
        OffsetDateTime at = utc(event.at() == null ? envelope.occurredAt() : event.at());
        String sql = """
                INSERT INTO tasks AS t (id, tenant_id, type, state, subject_id, content_hash, progress, error_code,
                                        error_message, model_name, model_version, model_dimension, cache_hit,
                                        result_link, created_at, started_at, finished_at, updated_at)
                SELECT :id, :tenant, :type, :state, :subject, :hash, :progress, :errorCode, :errorMessage,
                       :modelName, :modelVersion, :modelDimension, :cacheHit, :resultLink, :at,
                       :startedAt, :finishedAt, :at
                -- A late event of an erased subject (DELETE /v1/resumes/{id}) must not re-create its task.
                WHERE NOT EXISTS (SELECT 1 FROM erased_subjects e WHERE e.tenant_id = :tenant AND e.subject_id = :subject)
                ON CONFLICT (id) DO UPDATE SET
                    state = EXCLUDED.state,
                    progress = GREATEST(t.progress, EXCLUDED.progress),
                    error_code = EXCLUDED.error_code,
                    error_message = EXCLUDED.error_message,
                    model_name = COALESCE(EXCLUDED.model_name, t.model_name),
                    model_version = COALESCE(EXCLUDED.model_version, t.model_version),
                    model_dimension = COALESCE(EXCLUDED.model_dimension, t.model_dimension),
                    cache_hit = EXCLUDED.cache_hit,
                    result_link = COALESCE(EXCLUDED.result_link, t.result_link),
                    started_at = COALESCE(t.started_at, EXCLUDED.started_at, EXCLUDED.finished_at),
                    finished_at = COALESCE(t.finished_at, EXCLUDED.finished_at),
                    updated_at = EXCLUDED.updated_at
                WHERE %s < %s
                   OR (t.state = 'RUNNING' AND EXCLUDED.state = 'RUNNING' AND EXCLUDED.progress > t.progress)
                RETURNING t.created_at
                """.formatted(RANK.formatted("t.state"), RANK.formatted("EXCLUDED.state"));
        ModelRef model = event.model();
        TaskError error = event.error();
        var spec = db.sql(sql)
                .bind("id", envelope.taskId())
                .bind("tenant", envelope.tenantId())
                .bind("type", event.type().wireName())
                .bind("state", event.state().name())
                .bind("subject", envelope.subjectId())
                .bind("progress", event.progress())
                .bind("cacheHit", event.cacheHit())
                .bind("at", at);
        spec = bindNullable(spec, "hash", envelope.contentHash(), String.class);
        spec = bindNullable(spec, "errorCode", error == null ? null : error.code().name(), String.class);
        spec = bindNullable(spec, "errorMessage", error == null ? null : error.message(), String.class);
        spec = bindNullable(spec, "modelName", model == null ? null : model.name(), String.class);
        spec = bindNullable(spec, "modelVersion", model == null ? null : model.version(), String.class);
        spec = bindNullable(spec, "modelDimension", model == null ? null : model.dimension(), Integer.class);
        spec = bindNullable(spec, "resultLink", event.resultLink(), String.class);
        spec = bindNullable(spec, "startedAt", event.state() == TaskState.RUNNING ? at : null, OffsetDateTime.class);
        spec = bindNullable(spec, "finishedAt", event.state().isTerminal() ? at : null, OffsetDateTime.class);
        Mono<Instant> applied = SubjectLock.acquire(db, envelope.tenantId(), envelope.subjectId())
                .then(spec.map(row -> row.get("created_at", OffsetDateTime.class).toInstant()).one());
        if (event.state() == TaskState.SUCCEEDED && event.result() != null) {
            applied = applied.flatMap(created -> db.sql("""
                            INSERT INTO task_results (task_id, tenant_id, subject_id, type, result, created_at)
                            VALUES (:id, :tenant, :subject, :type, :result, :at)
                            ON CONFLICT (task_id) DO NOTHING""")
                    .bind("id", envelope.taskId())
                    .bind("tenant", envelope.tenantId())
                    .bind("subject", envelope.subjectId())
                    .bind("type", event.type().wireName())
                    .bind("result", Json.of(PipelineJson.mapper().writeValueAsString(event.result())))
                    .bind("at", at)
                    .then()
                    .then(withResult)
                    .thenReturn(created));
        }
        return tx.transactional(applied);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static <T> DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec,
            String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }
}
