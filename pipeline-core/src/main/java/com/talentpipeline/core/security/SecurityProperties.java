package com.talentpipeline.core.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code pipeline.security.*} (environment: {@code PIPELINE_SECURITY_ENABLED},
 * {@code ADMIN_API_KEY} through the services' yml, {@code PIPELINE_SECURITY_RATELIMIT_CAPACITY}, ...).
 *
 * @param enabled   false lets every {@code /v1} call through as the default tenant (default true)
 * @param adminKey  the key of the {@code /admin/v1/keys} endpoints; empty disables them (default empty)
 * @param cacheTtl  how long a resolved key (or an unknown one) is remembered; a revocation is visible
 *                  after at most this long (default 30s)
 * @param rateLimit per-key token bucket
 */
@ConfigurationProperties("pipeline.security")
public record SecurityProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("") String adminKey,
        @DefaultValue("30s") Duration cacheTtl,
        @DefaultValue RateLimit rateLimit) {

    /**
     * Token bucket per API key in Redis. A key created with its own limits uses those instead.
     *
     * @param enabled         false never limits (default true)
     * @param capacity        burst size in requests (default 50)
     * @param refillPerSecond sustained requests per second (default 25)
     * @param timeout         a Redis call slower than this lets the request through (fail open; default 250ms)
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("50") int capacity,
            @DefaultValue("25") double refillPerSecond,
            @DefaultValue("250ms") Duration timeout) {
    }
}
