package com.talentpipeline.core.task.intake;

import java.time.OffsetDateTime;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** The intake's rows: written in one statement, found by Idempotency-Key, undone when Kafka refused. */
interface IntakeStore {

    /**
     * What the statement wrote.
     *
     * @param version the version the owner's rows returned, null when they have none
     * @param state   what the owner read back for its undo
     */
    record Written<S>(Integer version, S state) {

        int versionOrZero() {
            return version == null ? 0 : version;
        }
    }

    /** The owner's rows, the task row, the idempotency key and a door-known result, atomically. */
    <S> Mono<Written<S>> write(IntakeRequest<?, S> request, String tenantId, UUID taskId, OffsetDateTime now);

    /**
     * The task an earlier request with this key created, replayed; 422 {@code idempotency_key_reused} when that
     * request was a different one; empty for an unknown key.
     */
    Mono<Accepted> findByKey(String tenantId, String key, String requestHash);

    /** Removes what {@link #write} wrote (the key and a result cascade with the task), then the owner's undo. */
    <S> Mono<Void> undo(IntakeRequest<?, S> request, UUID taskId, Written<S> written);
}
