package com.talentpipeline.ingest.ask;

import com.talentpipeline.core.kafka.reply.TaskFallback;
import com.talentpipeline.core.task.TaskState;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.web.ApiProblemException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The task row of a request answered {@code 202}, written as the ingest submissions write theirs (ACCEPTED,
 * progress 0). {@code ON CONFLICT DO NOTHING}: the worker's SUCCEEDED event may have created the task on
 * the results side already. Kept to one statement so the shared task intake can replace it.
 */
final class RequestTasks implements TaskFallback {

    private final DatabaseClient db;
    private final Duration retryAfter;

    RequestTasks(DatabaseClient db, Duration retryAfter) {
        this.db = db;
        this.retryAfter = retryAfter;
    }

    @Override
    public Mono<Void> accept(UUID taskId, TaskType type, String tenantId, String subjectId) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return db.sql("""
                        INSERT INTO tasks (id, tenant_id, type, state, subject_id, progress, created_at, updated_at)
                        VALUES (:id, :tenant, :type, :state, :subject, 0, :now, :now)
                        ON CONFLICT (id) DO NOTHING""")
                .bind("id", taskId).bind("tenant", tenantId).bind("type", type.wireName())
                .bind("state", TaskState.ACCEPTED.name()).bind("subject", subjectId).bind("now", now)
                .then()
                .onErrorMap(e -> !(e instanceof ApiProblemException), e -> ApiProblemException.unavailable(
                        "The task store is unavailable; the request runs but its task cannot be shown yet. Retry later.",
                        retryAfter));
    }
}
