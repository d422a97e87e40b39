package com.talentpipeline.core.kafka.consume;

import com.talentpipeline.core.event.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One decoded record: the raw record (for its key, position and headers, and to dead-letter it) and its
 * typed envelope, which is null only for a tombstone of a listener that asked for them.
 *
 * @param record   the record as polled
 * @param envelope the decoded envelope, or null for a tombstone
 * @param <V>      payload type
 */
public record Received<V>(ConsumerRecord<String, byte[]> record, EventEnvelope<V> envelope) {

    /** The envelope's payload, or null for a tombstone. */
    public V payload() {
        return envelope == null ? null : envelope.payload();
    }

    /** The record key (the subject id). */
    public String key() {
        return record.key();
    }

    /** True for a tombstone (a null value on a compacted topic). */
    public boolean tombstone() {
        return envelope == null;
    }
}
