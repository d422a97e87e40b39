package com.talentpipeline.core.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * A token bucket per API key in Redis, refilled continuously, updated by one Lua script so
 * concurrent requests (and several replicas of a service) share it atomically. When Redis fails or is
 * slow, the request is allowed and {@code pipeline_rate_limit_errors_total} counts it (fail open:
 * an outage of the limiter must not become an outage of the API).
 */
class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    /** KEYS[1] bucket; ARGV capacity, refill per second, now (ms). Returns {allowed, remaining, retry ms, reset ms}. */
    static final String SCRIPT = """
            local capacity = tonumber(ARGV[1])
            local refill = tonumber(ARGV[2])
            local now = tonumber(ARGV[3])
            local data = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
            local tokens = tonumber(data[1])
            local ts = tonumber(data[2])
            if tokens == nil or ts == nil then
              tokens = capacity
              ts = now
            end
            local elapsed = now - ts
            if elapsed < 0 then elapsed = 0 end
            tokens = math.min(capacity, tokens + elapsed * refill / 1000)
            local allowed = 0
            if tokens >= 1 then
              tokens = tokens - 1
              allowed = 1
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
            redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / refill * 1000) + 1000)
            local retry = 0
            if allowed == 0 then retry = math.ceil((1 - tokens) / refill * 1000) end
            local reset = math.ceil((capacity - tokens) / refill * 1000)
            return {allowed, math.floor(tokens), retry, reset}
            """;

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> BUCKET = RedisScript.of(SCRIPT, List.class);

    private final ReactiveStringRedisTemplate redis;
    private final SecurityProperties.RateLimit defaults;
    private final Counter errors;

    /**
     * The outcome for one request.
     *
     * @param allowed      whether it may proceed
     * @param limit        the bucket's capacity
     * @param remaining    tokens left
     * @param retryAfter   when a token will be there again (zero when allowed)
     * @param reset        when the bucket will be full again
     */
    public record Decision(boolean allowed, int limit, long remaining, Duration retryAfter, Duration reset) {
    }

    public RateLimiter(ReactiveStringRedisTemplate redis, SecurityProperties.RateLimit defaults, MeterRegistry meters) {
        this.redis = redis;
        this.defaults = defaults;
        this.errors = Counter.builder("pipeline.rate.limit.errors")
                .description("Requests let through because the rate limiter's Redis failed (fail open)")
                .register(meters);
    }

    /** Spends one token of the key's bucket; empty when the limiter could not decide (allow). */
    public Mono<Decision> consume(ApiKey key) {
        int capacity = key.rateCapacity() != null ? key.rateCapacity() : defaults.capacity();
        double refill = key.refillPerSecond() != null ? key.refillPerSecond() : defaults.refillPerSecond();
        return redis.execute(BUCKET, List.of("ratelimit:" + key.id()),
                        List.of(Integer.toString(capacity), Double.toString(refill),
                                Long.toString(System.currentTimeMillis())))
                .next()
                .timeout(defaults.timeout())
                .map(result -> decision(result, capacity))
                .onErrorResume(e -> {
                    errors.increment();
                    log.warn("rate limiter unavailable, request allowed: {}", e.toString());
                    return Mono.empty();
                });
    }

    private static Decision decision(List<?> result, int capacity) {
        return new Decision(number(result, 0) == 1, capacity, number(result, 1),
                Duration.ofMillis(number(result, 2)), Duration.ofMillis(number(result, 3)));
    }

    private static long number(List<?> result, int i) {
        Object value = result.get(i);
        return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
    }
}
