package com.talentpipeline.core.task.intake;

import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.task.TaskError;
import com.talentpipeline.core.task.TaskState;
import com.talentpipeline.core.task.TaskType;
import io.r2dbc.postgresql.codec.Json;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * A task's first row written on its own, for the tasks that do not start with a published work event through
 * {@link TaskIntake#submit}: a request-reply that fell back to {@code 202} after its deadline, an erasure that
 * is RUNNING until every participant reported. {@code ON CONFLICT (id) DO NOTHING}: a worker's event may have
 * created the row on the results side already ({@link TaskStateRows}), and it is never overwritten backwards.
 *
 * <p>Such a task that its owner runs itself (an erasure, RUNNING until every participant reported) is moved on
 * with {@link #progress} and {@link #finish}: straight to the row rather than through the task event upsert, which
 * skips events about erased subjects (an erasure task's subject is one). They change a row only while RUNNING, so
 * a finished task never flips back.
 */
public final class TaskRows {

    /**
     * A new task row.
     *
     * @param id         the task id
     * @param tenantId   its tenant
     * @param type       its type
     * @param state      ACCEPTED or RUNNING (a RUNNING row gets {@code started_at})
     * @param subjectId  what it is about
     * @param resultLink where its result is read, or null
     * @param at         creation time
     */
    public record NewTask(UUID id, String tenantId, TaskType type, TaskState state, String subjectId,
            String resultLink, OffsetDateTime at) {

        /** Validates. */
        public NewTask {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(subjectId, "subjectId");
            Objects.requireNonNull(at, "at");
        }

        /** When it started: its creation time once it is past ACCEPTED, else null. */
        OffsetDateTime startedAt() {
            return state == TaskState.ACCEPTED ? null : at;
        }
    }

    private final DatabaseClient db;

    public TaskRows(DatabaseClient db) {
        this.db = db;
    }

    /** Writes the row unless a row with its id exists; emits whether it wrote it. */
    public Mono<Boolean> insert(NewTask task) {
        var spec = db.sql("""
                        INSERT INTO tasks (id, tenant_id, type, state, subject_id, progress, result_link,
                                           created_at, started_at, updated_at)
                        VALUES (:id, :tenant, :type, :state, :subject, 0, :link, :at, :started, :at)
                        ON CONFLICT (id) DO NOTHING""")
                .bind("id", task.id())
                .bind("tenant", task.tenantId())
                .bind("type", task.type().wireName())
                .bind("state", task.state().name())
                .bind("subject", task.subjectId())
                .bind("at", task.at());
        spec = task.resultLink() == null ? spec.bindNull("link", String.class) : spec.bind("link", task.resultLink());
        spec = task.startedAt() == null ? spec.bindNull("started", OffsetDateTime.class)
                : spec.bind("started", task.startedAt());
        return spec.fetch().rowsUpdated().map(rows -> rows > 0);
    }

    /** Moves a RUNNING task's progress forward (never back, and not once it ended). */
    public Mono<Void> progress(UUID taskId, int progress, OffsetDateTime at) {
        return db.sql("""
                        UPDATE tasks SET progress = :progress, updated_at = :now
                        WHERE id = :id AND state = 'RUNNING' AND progress < :progress""")
                .bind("progress", progress).bind("now", at).bind("id", taskId)
                .then();
    }

    /**
     * Ends a RUNNING task: its state (SUCCEEDED or FAILED, with {@code error} on FAILED, else null), progress 100,
     * and its result row. Emits true when it ended it, false when the task was not RUNNING (another check ended it
     * first). Two statements: run it in a transaction so the state and the result commit together.
     */
    public Mono<Boolean> finish(UUID taskId, TaskState state, TaskError error, JsonNode result, OffsetDateTime at) {
        var update = db.sql("""
                        UPDATE tasks SET state = :state, progress = 100, finished_at = :now, updated_at = :now,
                                         error_code = :code, error_message = :message
                        WHERE id = :id AND state = 'RUNNING'
                        RETURNING tenant_id, subject_id, type""")
                .bind("state", state.name()).bind("now", at).bind("id", taskId);
        update = error == null ? update.bindNull("code", String.class).bindNull("message", String.class)
                : update.bind("code", error.code().name()).bind("message", error.message());
        return update
                .map(row -> new String[] {row.get("tenant_id", String.class), row.get("subject_id", String.class),
                        row.get("type", String.class)})
                .one()
                .flatMap(task -> db.sql("""
                                INSERT INTO task_results (task_id, tenant_id, subject_id, type, result, created_at)
                                VALUES (:id, :tenant, :subject, :type, :result, :now)
                                ON CONFLICT (task_id) DO NOTHING""")
                        .bind("id", taskId).bind("tenant", task[0]).bind("subject", task[1]).bind("type", task[2])
                        .bind("result", Json.of(PipelineJson.mapper().writeValueAsString(result)))
                        .bind("now", at)
                        .then()
                        .thenReturn(true))
                .defaultIfEmpty(false);
    }
}
