package com.talentpipeline.ingest.submission;

import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.topic.Topic;

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
 *                       original resume file); never null
 * @param undoWrites     undoes {@code extraWrites} of a new version (&gt; 1) when Kafka did not acknowledge
 *                       its event, given that version; runs in the undo transaction after the document row
 *                       was restored; never null
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
        java.util.function.IntFunction<P> payloadFactory,
        String idempotencyKey,
        java.util.function.IntFunction<reactor.core.publisher.Mono<Void>> extraWrites,
        java.util.function.IntFunction<reactor.core.publisher.Mono<Void>> undoWrites) {

    /** A submission whose extra writes need no undo of their own. */
    public Submission(TaskType type, Topic<P> topic, String subjectId, String documentTable, String documentJson,
            String contentHash, String status, java.util.function.IntFunction<P> payloadFactory,
            String idempotencyKey, java.util.function.IntFunction<reactor.core.publisher.Mono<Void>> extraWrites) {
        this(type, topic, subjectId, documentTable, documentJson, contentHash, status, payloadFactory,
                idempotencyKey, extraWrites, version -> reactor.core.publisher.Mono.empty());
    }

    /** A submission that writes only the task and the document row. */
    public Submission(TaskType type, Topic<P> topic, String subjectId, String documentTable, String documentJson,
            String contentHash, String status, java.util.function.IntFunction<P> payloadFactory,
            String idempotencyKey) {
        this(type, topic, subjectId, documentTable, documentJson, contentHash, status, payloadFactory,
                idempotencyKey, version -> reactor.core.publisher.Mono.empty());
    }
}
