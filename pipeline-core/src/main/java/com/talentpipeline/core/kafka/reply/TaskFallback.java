package com.talentpipeline.core.kafka.reply;

import com.talentpipeline.core.task.TaskType;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Makes the task of a request exist before its {@code 202} is sent, so {@code GET /v1/tasks/{id}} finds it
 * at once. It must tolerate the worker's events having created the task already (their SUCCEEDED may
 * come first): an insert that does nothing on conflict.
 */
@FunctionalInterface
public interface TaskFallback {

    /** Creates the task row (ACCEPTED) unless it exists. */
    Mono<Void> accept(UUID taskId, TaskType type, String tenantId, String subjectId);
}
