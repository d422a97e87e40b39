package com.talentpipeline.core.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code pipeline.security.*} (environment: {@code PIPELINE_SECURITY_ENABLED},
 * {@code ADMIN_API_KEY} through the services' yml, {@code PIPELINE_SECURITY_RATELIMIT_CAPACITY}, ...).
 *
 * @param enabled    false lets every tenant call through as the default tenant, for development only (default true)
 * @param adminKey   the key of the {@code /admin/v1/keys} endpoints; empty disables them (default empty)
 * @param metricsKey the bearer key Prometheus sends for {@code /actuator/prometheus} and the other
 *                   non-health actuator endpoints (the admin key works too); empty closes them (default empty)
 * @param cacheTtl  how long a resolved key (or an unknown one) is remembered; a revocation is visible
 *                  after at most this long (default 30s)
 * @param rateLimit  per-key token bucket
 * @param failedAuth per-address bound on look-ups of unknown keys
 * @param readTimeout    longest pause between two reads of a request body before the server answers 408
 *                       and closes (a body shorter than its Content-Length; default 10s)
 * @param requestTimeout longest time to read one request body (default 120s)
 */
@ConfigurationProperties("pipeline.security")
public record SecurityProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("") String adminKey,
        @DefaultValue("") String metricsKey,
        @DefaultValue("30s") Duration cacheTtl,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue FailedAuth failedAuth,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("120s") Duration requestTimeout) {

    /** The defaults above, as the binder would produce them without configuration. */
    public static SecurityProperties defaults() {
        return new SecurityProperties(true, "", "", Duration.ofSeconds(30),
                new RateLimit(true, 50, 25, Duration.ofMillis(250)), new FailedAuth(20, 1, java.util.List.of()),
                Duration.ofSeconds(10), Duration.ofSeconds(120));
    }

    /**
     * Look-ups of keys not in the cache, per client address: a token is taken per look-up and given back
     * when the key was valid, so only unknown keys use the bucket up; then 429 without a look-up.
     *
     * @param capacity        burst of unknown keys per address (default 20)
     * @param refillPerSecond unknown keys per second per address, sustained (default 1)
     * @param trustedProxies  addresses or CIDR blocks of the front door (Ingress controller, ./run-local's
     *                        front door) whose {@code X-Forwarded-For} names the client; from any other
     *                        address the header is ignored (default none: env TRUSTED_PROXIES)
     */
    public record FailedAuth(
            @DefaultValue("20") int capacity,
            @DefaultValue("1") double refillPerSecond,
            @DefaultValue("") java.util.List<String> trustedProxies) {

        public FailedAuth {
            trustedProxies = trustedProxies == null ? java.util.List.of()
                    : trustedProxies.stream().filter(p -> p != null && !p.isBlank()).map(String::trim).toList();
        }
    }

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
