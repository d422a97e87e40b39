package com.talentpipeline.core.topic;

import com.talentpipeline.core.event.EventEnvelope;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * One Kafka topic: its name, the payload type its envelopes carry, the partition count (the
 * ceiling for consumer scale-out), whether it is compacted (latest value per key kept forever) and what a
 * consumer does with a record it cannot decode ({@link BadRecordPolicy}).
 *
 * @param <V> payload type of the envelopes on this topic
 */
public final class Topic<V> {

    /** Suffix of the dead-letter topic that receives this topic's poison messages. */
    public static final String DLT_SUFFIX = ".DLT";

    private final String name;
    private final Class<V> payloadType;
    private final int partitions;
    private final boolean compacted;
    private final EnvelopeSerde<V> valueSerde;
    private final int maxMessageBytes;
    private final BadRecordPolicy badRecordPolicy;

    Topic(String name, Class<V> payloadType, int partitions, boolean compacted, BadRecordPolicy badRecordPolicy) {
        this(name, payloadType, partitions, compacted, 0, badRecordPolicy);
    }

    Topic(String name, Class<V> payloadType, int partitions, boolean compacted, int maxMessageBytes,
            BadRecordPolicy badRecordPolicy) {
        this.maxMessageBytes = maxMessageBytes;
        this.badRecordPolicy = java.util.Objects.requireNonNull(badRecordPolicy, "badRecordPolicy");
        this.name = name;
        this.payloadType = payloadType;
        this.partitions = partitions;
        this.compacted = compacted;
        this.valueSerde = new EnvelopeSerde<>(payloadType);
    }

    public String name() {
        return name;
    }

    public Class<V> payloadType() {
        return payloadType;
    }

    public int partitions() {
        return partitions;
    }

    public boolean compacted() {
        return compacted;
    }

    /** What a consumer does with a record of this topic that it cannot decode (see {@link BadRecordPolicy}). */
    public BadRecordPolicy badRecordPolicy() {
        return badRecordPolicy;
    }

    /** Largest record the topic accepts, or 0 for the broker's default (about 1 MB). */
    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    /** Topic-level configuration to create the topic with: cleanup policy and record size limit. */
    public java.util.Map<String, String> configs() {
        java.util.Map<String, String> configs = new java.util.LinkedHashMap<>();
        if (compacted) {
            configs.put("cleanup.policy", "compact");
        }
        if (maxMessageBytes > 0) {
            configs.put("max.message.bytes", Integer.toString(maxMessageBytes));
        }
        return configs;
    }

    /** Name of the dead-letter topic; same partition count so a record keeps its partition. */
    public String deadLetterTopic() {
        return name + DLT_SUFFIX;
    }

    /** Keys are subject ids (resume or job id) as UTF-8 strings. */
    public Serde<String> keySerde() {
        return Serdes.String();
    }

    public EnvelopeSerde<V> valueSerde() {
        return valueSerde;
    }

    /** Shortcut for {@code valueSerde().fromBytes(bytes)}. */
    public EventEnvelope<V> decode(byte[] bytes) {
        return valueSerde.fromBytes(bytes);
    }

    /** Shortcut for {@code valueSerde().toBytes(envelope)}. */
    public byte[] encode(EventEnvelope<V> envelope) {
        return valueSerde.toBytes(envelope);
    }

    @Override
    public String toString() {
        return name;
    }
}
