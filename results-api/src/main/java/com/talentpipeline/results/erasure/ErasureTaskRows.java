package com.talentpipeline.results.erasure;

import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.task.ErrorCode;
import com.talentpipeline.core.task.TaskState;
import com.talentpipeline.core.task.TaskType;
import io.r2dbc.postgresql.codec.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The erasure task's own row and result. Writes go straight to the row rather than through the task
 * event upsert, which skips events about erased subjects (the erasure task's subject is one). A row
 * changes only while RUNNING, so a finished task never flips back.
 */
@Component
class ErasureTaskRows {

    private final DatabaseClient db;

    ErasureTaskRows(DatabaseClient db) {
        this.db = db;
    }

    /** Moves a RUNNING task's progress forward. */
    Mono<Void> progress(UUID taskId, int progress, Instant at) {
        return db.sql("""
                        UPDATE tasks SET progress = :progress, updated_at = :now
                        WHERE id = :id AND state = 'RUNNING' AND progress < :progress""")
                .bind("progress", progress).bind("now", at.atOffset(ZoneOffset.UTC)).bind("id", taskId)
                .then();
    }

    /**
     * Ends a RUNNING task with its result (and, on FAILED, the error). Emits true when it ended it, false
     * when the task was not RUNNING (another check ended it first).
     */
    Mono<Boolean> finish(UUID taskId, TaskState state, String errorMessage, JsonNode result, Instant at) {
        var now = at.atOffset(ZoneOffset.UTC);
        var update = db.sql("""
                        UPDATE tasks SET state = :state, progress = 100, finished_at = :now, updated_at = :now,
                                         error_code = :code, error_message = :message
                        WHERE id = :id AND state = 'RUNNING'
                        RETURNING tenant_id, subject_id""")
                .bind("state", state.name()).bind("now", now).bind("id", taskId);
        update = errorMessage == null ? update.bindNull("code", String.class).bindNull("message", String.class)
                : update.bind("code", ErrorCode.ERASURE_INCOMPLETE.name()).bind("message", errorMessage);
        return update
                .map(row -> new String[] {row.get("tenant_id", String.class), row.get("subject_id", String.class)})
                .one()
                .flatMap(task -> db.sql("""
                                INSERT INTO task_results (task_id, tenant_id, subject_id, type, result, created_at)
                                VALUES (:id, :tenant, :subject, :type, :result, :now)
                                ON CONFLICT (task_id) DO NOTHING""")
                        .bind("id", taskId).bind("tenant", task[0]).bind("subject", task[1])
                        .bind("type", TaskType.ERASURE.wireName())
                        .bind("result", Json.of(PipelineJson.mapper().writeValueAsString(result)))
                        .bind("now", now)
                        .then()
                        .thenReturn(true))
                .defaultIfEmpty(false);
    }
}
