package com.talentpipeline.core.kafka.reply;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The requests this instance waits for, by correlation id. A reply for an id not waited for here (another
 * instance's, or one that arrived after its deadline) is dropped: its task is completed by the worker's
 * task event, not by the reply.
 */
public final class PendingReplies {

    private final Map<UUID, CompletableFuture<Reply>> waiting = new ConcurrentHashMap<>();

    /** Starts waiting for the reply to {@code correlationId}. */
    public CompletableFuture<Reply> register(UUID correlationId) {
        CompletableFuture<Reply> future = new CompletableFuture<>();
        waiting.put(correlationId, future);
        return future;
    }

    /** Completes the waiting request; returns whether this instance was waiting for it. */
    public boolean complete(Reply reply) {
        if (reply == null || reply.correlationId() == null) {
            return false;
        }
        CompletableFuture<Reply> future = waiting.remove(reply.correlationId());
        return future != null && future.complete(reply);
    }

    /** Stops waiting (deadline passed or the request was not sent). */
    public void forget(UUID correlationId) {
        waiting.remove(correlationId);
    }

    /** How many requests wait now. */
    public int size() {
        return waiting.size();
    }
}
