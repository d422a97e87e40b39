package com.talentpipeline.ingest.submission;

import com.talentpipeline.core.task.intake.Finished;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.topic.Topic;
import java.util.Objects;
import java.util.function.IntFunction;
import reactor.core.publisher.Mono;

/**
 * A validated document ready to be accepted.
 *
 * @param type           the task it starts
 * @param topic          where its event goes
 * @param subjectId      resume or job id (the record key)
 * @param documentTable  table that keeps the document ({@code resumes} or {@code jobs})
 * @param documentJson   the document as JSON
 * @param contentHash    SHA-256 of the normalised document
 * @param status         job status column, null for resumes
 * @param payloadFactory builds the event payload for a given version
 * @param idempotencyKey client's Idempotency-Key header, may be null
 * @param extraWrites    more rows to write in the same transaction, given the new version (e.g. the
 *                       original resume file); {@link #NO_WRITES} when there are none (then the task and
 *                       document rows are one statement, without a transaction of several round trips)
 * @param undoWrites     undoes {@code extraWrites} of a new version (&gt; 1) when Kafka did not acknowledge
 *                       its event, given that version; runs in the undo transaction after the document row
 *                       was restored; never null
 * @param finished       the task's result, already known at the door (the task row is written SUCCEEDED
 *                       with its result); null for a task the workers finish
 * @param <P>            payload type
 */
public record Submission<P>(
        TaskType type,
        Topic<P> topic,
        String subjectId,
        String documentTable,
        String documentJson,
        String contentHash,
        String status,
        IntFunction<P> payloadFactory,
        String idempotencyKey,
        IntFunction<Mono<Void>> extraWrites,
        IntFunction<Mono<Void>> undoWrites,
        Finished finished) {

    /** No extra writes (or undo of them): compared by identity to write in one statement. */
    public static final IntFunction<Mono<Void>> NO_WRITES = version -> Mono.empty();

    /** Checks the functions are given. */
    public Submission {
        Objects.requireNonNull(extraWrites, "extraWrites");
        Objects.requireNonNull(undoWrites, "undoWrites");
    }

    /** A submission the workers finish. */
    public Submission(TaskType type, Topic<P> topic, String subjectId, String documentTable, String documentJson,
            String contentHash, String status, IntFunction<P> payloadFactory, String idempotencyKey,
            IntFunction<Mono<Void>> extraWrites, IntFunction<Mono<Void>> undoWrites) {
        this(type, topic, subjectId, documentTable, documentJson, contentHash, status, payloadFactory,
                idempotencyKey, extraWrites, undoWrites, null);
    }

    /** A submission whose extra writes need no undo of their own. */
    public Submission(TaskType type, Topic<P> topic, String subjectId, String documentTable, String documentJson,
            String contentHash, String status, IntFunction<P> payloadFactory,
            String idempotencyKey, IntFunction<Mono<Void>> extraWrites) {
        this(type, topic, subjectId, documentTable, documentJson, contentHash, status, payloadFactory,
                idempotencyKey, extraWrites, NO_WRITES);
    }

    /** A submission that writes only the task and the document row. */
    public Submission(TaskType type, Topic<P> topic, String subjectId, String documentTable, String documentJson,
            String contentHash, String status, IntFunction<P> payloadFactory,
            String idempotencyKey) {
        this(type, topic, subjectId, documentTable, documentJson, contentHash, status, payloadFactory,
                idempotencyKey, NO_WRITES);
    }

    /** The same submission, finished at the door with this result. */
    public Submission<P> finishedWith(Finished result) {
        return new Submission<>(type, topic, subjectId, documentTable, documentJson, contentHash, status,
                payloadFactory, idempotencyKey, extraWrites, undoWrites, result);
    }
}
