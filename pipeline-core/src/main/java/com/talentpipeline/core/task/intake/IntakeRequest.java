package com.talentpipeline.core.task.intake;

import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.topic.Topic;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * A validated piece of work to accept.
 *
 * @param type           the task it starts
 * @param topic          where its event goes (the record key is {@code subjectId})
 * @param subjectId      what the task is about: resume, job, image or interview id
 * @param contentHash    SHA-256 of the normalised input; with {@code type} it identifies the request for
 *                       Idempotency-Key replays
 * @param payloadFactory the event payload, given the version the owner's rows returned (0 when they have none)
 * @param idempotencyKey the client's Idempotency-Key, or null
 * @param callbackUrl    where the task's outcome is posted (checked already), or null
 * @param rows           the owner's rows written in the same statement; {@link OwnerRows#none()} for none
 * @param finished       the result, known at the door (the task is written SUCCEEDED), or null
 * @param <P>            payload type
 * @param <S>            what the owner's rows read back for their undo
 */
public record IntakeRequest<P, S>(
        TaskType type,
        Topic<P> topic,
        String subjectId,
        String contentHash,
        IntFunction<P> payloadFactory,
        String idempotencyKey,
        String callbackUrl,
        OwnerRows<S> rows,
        Finished finished) {

    /** Validates. */
    public IntakeRequest {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(payloadFactory, "payloadFactory");
        Objects.requireNonNull(rows, "rows");
    }

    /** What an Idempotency-Key replay must match: the same kind of task on the same content. */
    String requestHash() {
        return type.wireName() + ":" + contentHash;
    }
}
