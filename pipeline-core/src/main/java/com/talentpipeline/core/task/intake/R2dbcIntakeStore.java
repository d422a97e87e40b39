package com.talentpipeline.core.task.intake;

import com.talentpipeline.core.task.TaskState;
import com.talentpipeline.core.web.ApiProblemException;
import io.r2dbc.postgresql.codec.Json;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.IntFunction;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** The intake's SQL: the only {@code INSERT INTO tasks} of a new task. */
final class R2dbcIntakeStore implements IntakeStore {

    private final DatabaseClient db;
    private final TransactionalOperator tx;

    R2dbcIntakeStore(DatabaseClient db, TransactionalOperator tx) {
        this.db = db;
        this.tx = tx;
    }

    @Override
    public <S> Mono<Written<S>> write(IntakeRequest<?, S> r, String tenantId, UUID taskId, OffsetDateTime now) {
        OwnerRows<S> rows = r.rows();
        Finished finished = r.finished();
        Mono<Written<S>> statement = Mono.defer(() -> {
            var spec = rows.bind(db.sql(sql(r))
                    .bind("task", taskId)
                    .bind("tenant", tenantId)
                    .bind("subject", r.subjectId())
                    .bind("type", r.type().wireName())
                    .bind("now", now)
                    .bind("state", (finished == null ? TaskState.ACCEPTED : TaskState.SUCCEEDED).name())
                    .bind("progress", finished == null ? 0 : 100)
                    .bind("cacheHit", finished != null));
            spec = bindNullable(spec, "hash", r.contentHash(), String.class);
            spec = bindNullable(spec, "callback", r.callbackUrl(), String.class);
            spec = bindNullable(spec, "modelName", finished == null ? null : finished.model().name(), String.class);
            spec = bindNullable(spec, "modelVersion", finished == null ? null : finished.model().version(), String.class);
            spec = bindNullable(spec, "modelDimension", finished == null ? null : finished.model().dimension(), Integer.class);
            spec = bindNullable(spec, "resultLink", finished == null ? null : finished.resultLink(), String.class);
            spec = bindNullable(spec, "finishedAt", finished == null ? null : now, OffsetDateTime.class);
            if (r.idempotencyKey() != null) {
                spec = spec.bind("key", r.idempotencyKey()).bind("requestHash", r.requestHash());
            }
            if (finished != null) {
                spec = spec.bind("result", Json.of(finished.resultJson()));
            }
            return spec.map(row -> new Written<>(row.get("version", Integer.class), rows.read(row))).one();
        });
        IntFunction<Mono<Void>> extra = rows.extraWrites();
        // Extra writes need the new version, so they join the statement in a transaction; without them the
        // statement is atomic on its own and one round trip.
        return extra == null ? statement
                : tx.transactional(statement.flatMap(w -> extra.apply(w.versionOrZero()).thenReturn(w)));
    }

    /** The one statement: the owner's CTEs (ending in {@code doc}), the task, the key and a known result. */
    static String sql(IntakeRequest<?, ?> r) {
        StringBuilder sql = new StringBuilder("WITH ").append(r.rows().ctes()).append(",\n").append("""
                task AS (INSERT INTO tasks (id, tenant_id, type, state, subject_id, content_hash, progress,
                                            created_at, updated_at, callback_url, subject_version, cache_hit,
                                            model_name, model_version, model_dimension, result_link,
                                            started_at, finished_at)
                    SELECT :task, :tenant, :type, :state, :subject, :hash, :progress, :now, :now, :callback,
                           doc.version, :cacheHit, :modelName, :modelVersion, :modelDimension, :resultLink,
                           :finishedAt, :finishedAt
                    FROM doc RETURNING id)""");
        if (r.idempotencyKey() != null) {
            sql.append("""
                    ,
                    idem AS (INSERT INTO idempotency_keys (tenant_id, key, request_hash, task_id, subject_id, created_at)
                        SELECT :tenant, :key, :requestHash, task.id, :subject, :now FROM task)""");
        }
        if (r.finished() != null) {
            // The known result, as the results API would store the worker's: for this version.
            sql.append("""
                    ,
                    result AS (INSERT INTO task_results (task_id, tenant_id, subject_id, type, result, created_at)
                        SELECT task.id, :tenant, :subject, :type,
                               CASE WHEN doc.version IS NULL THEN :result
                                    ELSE jsonb_set(:result, '{version}', to_jsonb(doc.version)) END,
                               :now
                        FROM task, doc)""");
        }
        return sql.append("\nSELECT doc.version AS version").append(r.rows().columns())
                .append(" FROM doc").append(r.rows().joins()).toString();
    }

    @Override
    public Mono<Accepted> findByKey(String tenantId, String key, String requestHash) {
        return db.sql("SELECT request_hash, task_id, subject_id FROM idempotency_keys WHERE tenant_id = :tenant AND key = :key")
                .bind("tenant", tenantId)
                .bind("key", key)
                .map(row -> new Object[] {row.get("request_hash", String.class), row.get("task_id", UUID.class),
                        row.get("subject_id", String.class)})
                .one()
                .map(row -> {
                    if (!requestHash.equals(row[0])) {
                        throw keyReused(key);
                    }
                    return new Accepted((UUID) row[1], (String) row[2], true);
                });
    }

    static ApiProblemException keyReused(String key) {
        return new ApiProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency_key_reused",
                "Idempotency-Key '" + key + "' was already used for a different request");
    }

    @Override
    public <S> Mono<Void> undo(IntakeRequest<?, S> r, UUID taskId, Written<S> written) {
        Mono<Void> deleteTask = db.sql("DELETE FROM tasks WHERE id = :id").bind("id", taskId).then();
        return tx.transactional(deleteTask.then(Mono.defer(() -> r.rows().undo(written.version(), written.state()))));
    }

    private static <T> DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec,
            String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }
}
