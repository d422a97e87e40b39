package com.talentpipeline.core.task.intake;

import com.talentpipeline.core.task.TaskState;
import com.talentpipeline.core.task.TaskType;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * A task's first row written on its own, for the tasks that do not start with a published work event through
 * {@link TaskIntake#submit}: a request-reply that fell back to {@code 202} after its deadline, an erasure that
 * is RUNNING until every participant reported. {@code ON CONFLICT (id) DO NOTHING}: a worker's event may have
 * created the row on the results side already ({@link TaskStateRows}), and it is never overwritten backwards.
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
}
