package com.talentpipeline.localstack.stack;

import java.util.Collection;
import java.util.Set;

/**
 * Kafka, PostgreSQL and Redis as one unit: {@link EmbeddedStack} (no Docker) or
 * {@link ContainerStack} (Testcontainers).
 */
public interface Stack extends AutoCloseable {

    /**
     * Starts every server and returns once each accepts connections. Calling it on a running
     * stack returns the same endpoints.
     */
    StackEndpoints start();

    /** Stops every server; does nothing if the stack is not running. */
    void stop();

    /** Endpoints of the running stack. @throws IllegalStateException if it is not running */
    StackEndpoints endpoints();

    /** Whether {@link #start()} has completed and {@link #stop()} has not been called since. */
    boolean isRunning();

    /** Short human description of the implementation, for logs. */
    String description();

    /**
     * Creates the given topics on this stack's Kafka, keeping any that already exist.
     *
     * @return names of the topics this call created
     */
    default Set<String> createTopics(Collection<TopicSpec> topics) {
        return TopicCreator.createTopics(endpoints().kafkaBootstrapServers(), topics);
    }

    /** Same as {@link #stop()}. */
    /**
     * Registers something that talks to this stack (e.g. the services) to be closed before the
     * servers stop, by {@link #stop()} and by the Ctrl-C shutdown hook alike; last registered, first closed.
     */
    void closeBeforeStopping(AutoCloseable client);

    @Override
    default void close() {
        stop();
    }
}
