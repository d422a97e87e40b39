package com.talentpipeline.ingest.ask;

import com.talentpipeline.core.kafka.reply.TaskFallback;
import com.talentpipeline.core.task.TaskState;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.task.intake.TaskRows;
import com.talentpipeline.core.web.ApiProblemException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The task row of a request answered {@code 202}, written through the task kit's {@link TaskRows} (ACCEPTED,
 * progress 0; nothing when the worker's SUCCEEDED event created the task on the results side already).
 */
final class RequestTasks implements TaskFallback {

    private final TaskRows rows;
    private final Duration retryAfter;

    RequestTasks(DatabaseClient db, Duration retryAfter) {
        this.rows = new TaskRows(db);
        this.retryAfter = retryAfter;
    }

    @Override
    public Mono<Void> accept(UUID taskId, TaskType type, String tenantId, String subjectId) {
        return rows.insert(new TaskRows.NewTask(taskId, tenantId, type, TaskState.ACCEPTED, subjectId, null,
                        OffsetDateTime.now(ZoneOffset.UTC)))
                .then()
                .onErrorMap(e -> !(e instanceof ApiProblemException), e -> ApiProblemException.unavailable(
                        "The task store is unavailable; the request runs but its task cannot be shown yet. Retry later.",
                        retryAfter));
    }
}
