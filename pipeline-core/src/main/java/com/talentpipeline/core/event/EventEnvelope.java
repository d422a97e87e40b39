package com.talentpipeline.core.event;

import java.time.Instant;
import java.util.UUID;

/**
 * The one envelope every Kafka event travels in. Events are keyed by {@code subjectId} so that all
 * events of one resume or job stay in one partition, in order.
 *
 * @param id          unique event id (for de-duplication by consumers)
 * @param type        event type, e.g. {@code resume.submitted}
 * @param taskId      the task this event belongs to
 * @param tenantId    owning tenant
 * @param subjectId   the resume or job id; also the record key
 * @param contentHash SHA-256 of the normalised content the event is about
 * @param occurredAt  when the producer created the event
 * @param traceparent W3C trace context of the request that caused it, may be null
 * @param payload     the typed body
 * @param <T>         payload type
 */
public record EventEnvelope<T>(
        String id,
        String type,
        UUID taskId,
        String tenantId,
        String subjectId,
        String contentHash,
        Instant occurredAt,
        String traceparent,
        T payload) {

    /** Creates an envelope with a fresh id and the current time. */
    public static <T> EventEnvelope<T> of(String type, UUID taskId, String tenantId, String subjectId,
            String contentHash, String traceparent, T payload) {
        return new EventEnvelope<>(UUID.randomUUID().toString(), type, taskId, tenantId, subjectId,
                contentHash, Instant.now(), traceparent, payload);
    }

    /** A new envelope for the same task and subject, carrying another payload. */
    public <R> EventEnvelope<R> derive(String newType, String newContentHash, R newPayload) {
        return of(newType, taskId, tenantId, subjectId, newContentHash, traceparent, newPayload);
    }
}
