package com.talentpipeline.localstack.stack;

import java.util.Objects;

/**
 * A topic to create on the local stack.
 *
 * @param name       topic name
 * @param partitions number of partitions (at least 1)
 * @param compacted  {@code cleanup.policy=compact} (latest value per key) instead of delete
 * @param configs    further topic-level configuration (e.g. {@code max.message.bytes})
 */
public record TopicSpec(String name, int partitions, boolean compacted, java.util.Map<String, String> configs) {

    /** A spec without further configuration. */
    public TopicSpec(String name, int partitions, boolean compacted) {
        this(name, partitions, compacted, java.util.Map.of());
    }

    /** The spec of a registry topic, with its configuration. */
    public static TopicSpec of(com.talentpipeline.core.topic.Topic<?> topic) {
        return new TopicSpec(topic.name(), topic.partitions(), topic.compacted(), topic.configs());
    }

    /** Validates the spec. */
    public TopicSpec {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("topic name is blank");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1: " + partitions);
        }
        configs = java.util.Map.copyOf(configs);
    }

    /** A delete-policy topic. */
    public static TopicSpec of(String name, int partitions) {
        return new TopicSpec(name, partitions, false);
    }

    /** A compacted topic. */
    public static TopicSpec compacted(String name, int partitions) {
        return new TopicSpec(name, partitions, true);
    }
}
