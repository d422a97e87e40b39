package com.talentpipeline.core.kafka.consume;

import java.util.List;

/**
 * What a worker does with the decoded records of one poll. Whatever it throws is an infrastructure failure
 * the error handler retries (bad records never reach it); a record it fails on for good it hands to
 * {@link DeadLetters#failForGood}.
 *
 * @param <V> payload type
 */
@FunctionalInterface
public interface BatchHandler<V> {

    /** Handles the decoded records of one poll, in offset order per partition. */
    void handle(List<Received<V>> batch) throws Exception;
}
