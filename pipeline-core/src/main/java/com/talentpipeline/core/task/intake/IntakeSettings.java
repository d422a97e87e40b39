package com.talentpipeline.core.task.intake;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the intake waits and what it tells a refused client.
 *
 * @param ackTimeout how long to wait for Kafka to acknowledge the event before undoing and answering 503
 * @param retryAfter the Retry-After a 503 advertises
 */
public record IntakeSettings(Duration ackTimeout, Duration retryAfter) {

    /** Validates. */
    public IntakeSettings {
        Objects.requireNonNull(ackTimeout, "ackTimeout");
        Objects.requireNonNull(retryAfter, "retryAfter");
    }
}
