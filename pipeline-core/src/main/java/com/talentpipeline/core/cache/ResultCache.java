package com.talentpipeline.core.cache;

import com.talentpipeline.core.config.PipelineProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

/**
 * Redis cache of serialised results, keyed by {@link CacheKey}, with the TTL configured for the key's
 * kind. Redis being slow or down is a miss, never an error: callers compute the result instead.
 * Counts {@code pipeline.cache.requests{kind,result=hit|miss|error}}.
 */
public class ResultCache {

    private static final Logger log = LoggerFactory.getLogger(ResultCache.class);

    private final ReactiveStringRedisTemplate redis;
    private final PipelineProperties.Cache settings;
    private final MeterRegistry meters;

    public ResultCache(ReactiveStringRedisTemplate redis, PipelineProperties.Cache settings, MeterRegistry meters) {
        this.redis = redis;
        this.settings = settings;
        this.meters = meters;
    }

    /** The cached value, or empty on a miss, when disabled, or when Redis fails. */
    public Mono<String> get(CacheKey key) {
        if (!settings.enabled()) {
            return Mono.empty();
        }
        return redis.opsForValue().get(key.redisKey())
                .timeout(settings.timeout())
                .doOnNext(v -> count(key, "hit"))
                .switchIfEmpty(Mono.fromRunnable(() -> count(key, "miss")))
                .onErrorResume(e -> {
                    count(key, "error");
                    log.warn("cache read failed for {}: {}", key.kind(), e.toString());
                    return Mono.empty();
                });
    }

    /** Stores the value with the kind's TTL; true when stored, false when disabled or Redis failed. */
    public Mono<Boolean> put(CacheKey key, String value) {
        return put(key, value, ttlOf(key.kind()));
    }

    /** Stores the value with the given TTL (an entry that mirrors another kind's lifetime). */
    public Mono<Boolean> put(CacheKey key, String value, Duration ttl) {
        if (!settings.enabled()) {
            return Mono.just(false);
        }
        return redis.opsForValue().set(key.redisKey(), value, ttl)
                .timeout(settings.timeout())
                .onErrorResume(e -> {
                    log.warn("cache write failed for {}: {}", key.kind(), e.toString());
                    return Mono.just(false);
                });
    }

    /** Removes a key (e.g. on erasure); false when it was absent or Redis failed. */
    public Mono<Boolean> evict(CacheKey key) {
        return redis.delete(key.redisKey()).map(n -> n > 0)
                .timeout(settings.timeout())
                .onErrorResume(e -> Mono.just(false));
    }

    /**
     * Records that a subject (a resume or job id) used a key, so that erasing the subject can evict
     * every entry derived from it, whichever versions it had. The index expires with the kind's TTL.
     */
    public Mono<Boolean> remember(String subjectId, CacheKey key) {
        return remember(subjectId, key, ttlOf(key.kind()));
    }

    /** As {@link #remember(String, CacheKey)}, the index living {@code ttl} (as long as the entry it points to). */
    public Mono<Boolean> remember(String subjectId, CacheKey key, Duration ttl) {
        if (!settings.enabled()) {
            return Mono.just(false);
        }
        String index = subjectIndex(key.kind(), subjectId);
        return redis.opsForSet().add(index, key.redisKey())
                .then(redis.expire(index, ttl))
                .timeout(settings.timeout())
                .onErrorResume(e -> {
                    log.warn("cache index write failed for {}: {}", key.kind(), e.toString());
                    return Mono.just(false);
                });
    }

    /** Evicts every entry a subject used (see {@link #remember}) and the index itself; emits how many entries went. */
    public Mono<Long> evictSubject(String kind, String subjectId) {
        String index = subjectIndex(kind, subjectId);
        return redis.opsForSet().members(index)
                .collectList()
                .flatMap(keys -> keys.isEmpty() ? Mono.just(0L) : redis.delete(keys.toArray(String[]::new)))
                .flatMap(removed -> redis.delete(index).thenReturn(removed))
                .timeout(settings.timeout())
                .onErrorResume(e -> {
                    log.warn("cache eviction of a subject failed for {}: {}", kind, e.toString());
                    return Mono.just(0L);
                });
    }

    private static String subjectIndex(String kind, String subjectId) {
        return "tp:subject:" + kind + ":" + subjectId;
    }

    /** The TTL for a kind: the configured one, else the default. */
    public Duration ttlOf(String kind) {
        return settings.ttl().getOrDefault(kind, settings.defaultTtl());
    }

    private void count(CacheKey key, String result) {
        Counter.builder("pipeline.cache.requests")
                .description("Result cache look-ups by kind and outcome")
                .tag("kind", key.kind())
                .tag("result", result)
                .register(meters)
                .increment();
    }
}
