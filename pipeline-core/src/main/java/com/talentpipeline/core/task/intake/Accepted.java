package com.talentpipeline.core.task.intake;

import java.util.UUID;

/**
 * An accepted (or replayed) task.
 *
 * @param taskId    the task
 * @param subjectId what the task is about (resume, job, image or interview id)
 * @param replayed  whether an earlier request with the same Idempotency-Key was returned
 * @param finished  the result known at the door (the task is SUCCEEDED already), or null
 */
public record Accepted(UUID taskId, String subjectId, boolean replayed, Finished finished) {

    /** A task the workers finish. */
    public Accepted(UUID taskId, String subjectId, boolean replayed) {
        this(taskId, subjectId, replayed, null);
    }
}
