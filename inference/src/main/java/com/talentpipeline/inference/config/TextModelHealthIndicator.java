package com.talentpipeline.inference.config;

import com.talentpipeline.inference.model.ModelInfo;
import com.talentpipeline.inference.text.TextEncoder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of the text model, registered as {@code textModel}. Services add it to their readiness group
 * ({@code management.endpoint.health.group.readiness.include=readinessState,textModel}) so no traffic
 * arrives before the model can serve it.
 *
 * <p>Reports state only; it never runs inference, so probes cost nothing and do not skew
 * {@code inference.*} metrics.
 */
class TextModelHealthIndicator implements HealthIndicator {

    private final TextEncoder encoder;

    /** @param encoder the encoder to report on */
    public TextModelHealthIndicator(TextEncoder encoder) {
        this.encoder = encoder;
    }

    /** @return UP with the model's provenance while the encoder is ready, DOWN once it is closed */
    @Override
    public Health health() {
        ModelInfo info = encoder.info();
        Health.Builder builder = encoder.isReady() ? Health.up() : Health.down();
        return builder
                .withDetail("name", info.name())
                .withDetail("version", info.version())
                .withDetail("dimension", info.dimension())
                .withDetail("engine", info.engine())
                .withDetail("device", info.device())
                .withDetail("digest", info.digest())
                .withDetail("loadTimeMillis", info.loadTimeMillis())
                .withDetail("source", info.source())
                .build();
    }
}
