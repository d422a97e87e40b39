package com.talentpipeline.core.kafka.consume;

import com.talentpipeline.core.topic.Topic;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.BiConsumer;
import org.springframework.kafka.core.KafkaOperations;

/**
 * Entry point of the consume kit (a bean of every service): typed listeners per topic, and the one
 * dead-letter writer.
 */
public final class ConsumeKit {

    private final DeadLetters deadLetters;
    private final MeterRegistry meters;

    /**
     * @param deadLetters the dead-letter writer
     * @param meters      where bad records are counted
     */
    public ConsumeKit(DeadLetters deadLetters, MeterRegistry meters) {
        this.deadLetters = deadLetters;
        this.meters = meters;
    }

    /** A kit over a producer (tests and tools): dead letters name {@code service} as their writer. */
    public static ConsumeKit of(KafkaOperations<String, byte[]> kafka, MeterRegistry meters, String service) {
        return new ConsumeKit(new DeadLetters(kafka, meters, service), meters);
    }

    /** Starts a typed listener of {@code topic}. */
    public <V> TypedListener.Builder<V> listener(Topic<V> topic) {
        return new TypedListener.Builder<>(topic, deadLetters, meters);
    }

    /**
     * A listener of a compacted topic read as "latest value per key": each keyed record's payload, or null
     * for a tombstone, goes to {@code apply} in offset order (records without key are ignored).
     */
    public <V> TypedListener<V> latestPerKey(Topic<V> topic, BiConsumer<String, V> apply) {
        return listener(topic).keepingTombstones().handler(batch -> {
            for (Received<V> received : batch) {
                if (received.key() != null) {
                    apply.accept(received.key(), received.payload());
                }
            }
        });
    }

    /** The dead-letter writer. */
    public DeadLetters deadLetters() {
        return deadLetters;
    }
}
