package com.talentpipeline.core.task;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * Payload of {@code task.events}: one state change of one task, published by the worker doing it.
 * A terminal SUCCEEDED event carries the result so that the result store records state and result
 * together (a reader never sees SUCCEEDED without its result).
 *
 * @param type       task type
 * @param state      the new state
 * @param progress   0-100
 * @param model      model that produced the result, on SUCCEEDED
 * @param error      the reason, on FAILED
 * @param resultLink API path where the result can be read, on SUCCEEDED
 * @param result     the result document, on SUCCEEDED
 * @param cacheHit   whether the result came from the cache
 * @param at         when the state changed
 */
public record TaskEvent(
        TaskType type,
        TaskState state,
        int progress,
        ModelRef model,
        TaskError error,
        String resultLink,
        JsonNode result,
        boolean cacheHit,
        Instant at) {

    public static TaskEvent running(TaskType type) {
        return new TaskEvent(type, TaskState.RUNNING, 10, null, null, null, null, false, Instant.now());
    }

    public static TaskEvent succeeded(TaskType type, ModelRef model, String resultLink, JsonNode result,
            boolean cacheHit) {
        return new TaskEvent(type, TaskState.SUCCEEDED, 100, model, null, resultLink, result, cacheHit,
                Instant.now());
    }

    public static TaskEvent failed(TaskType type, ErrorCode code, String message) {
        return new TaskEvent(type, TaskState.FAILED, 100, null, new TaskError(code, message), null, null,
                false, Instant.now());
    }
}
