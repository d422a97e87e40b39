package com.talentpipeline.core.kafka.consume;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.task.ErrorCode;
import com.talentpipeline.core.task.TaskEvent;
import com.talentpipeline.core.task.TaskType;
import java.util.UUID;

/**
 * The FAILED event of a task whose record failed for good, and where it goes: {@code task.events}, keyed by
 * the subject, in the cause's tenant and trace.
 *
 * @param taskId      the task to fail
 * @param tenantId    its tenant
 * @param subjectId   its subject (the record key of the task event)
 * @param contentHash content hash of the cause, may be null
 * @param traceparent the cause's trace, may be null
 * @param event       the FAILED event
 */
public record TaskFailure(UUID taskId, String tenantId, String subjectId, String contentHash, String traceparent,
        TaskEvent event) {

    /** Fails the envelope's own task. */
    public static TaskFailure of(EventEnvelope<?> cause, TaskType type, ErrorCode code, String message) {
        return of(cause, cause.taskId(), cause.subjectId(), type, code, message);
    }

    /** Fails another task of the envelope's subject (a task id derived from it, say). */
    public static TaskFailure of(EventEnvelope<?> cause, UUID taskId, String subjectId, TaskType type, ErrorCode code,
            String message) {
        return new TaskFailure(taskId, cause.tenantId(), subjectId, cause.contentHash(), cause.traceparent(),
                TaskEvent.failed(type, code, message));
    }

    EventEnvelope<TaskEvent> envelope(String type) {
        return EventEnvelope.of(type, taskId, tenantId, subjectId, contentHash, traceparent, event);
    }
}
