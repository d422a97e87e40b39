package com.talentpipeline.ingest.door;

import com.talentpipeline.core.cache.CacheKey;
import com.talentpipeline.core.cache.ResultCache;
import com.talentpipeline.core.door.DoorEntries;
import com.talentpipeline.core.json.PipelineJson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Looks a submission's content up at the door: the embedding and score entries the results API recorded
 * for the tenant and content hash, read in one Redis round trip (MGET) bounded by
 * {@code pipeline.ingest.door.timeout}, judged against the versions the live workers announce (see
 * {@link DoorDecision}). Anything failing is a plain miss for the caller: the door never rejects a
 * submission. Counts {@code ingest.door.cache.requests{outcome=hit|miss|stale|error}}.
 */
public class DoorCache {

    private static final Logger log = LoggerFactory.getLogger(DoorCache.class);

    private final ReactiveStringRedisTemplate redis;
    private final ResultCache cache;
    private final WorkerVersions versions;
    private final DoorProperties properties;
    private final Clock clock;
    private final Map<DoorDecision.Outcome, Counter> counters = new EnumMap<>(DoorDecision.Outcome.class);
    private final MeterRegistry meters;
    private final Timer latency;

    public DoorCache(ReactiveStringRedisTemplate redis, ResultCache cache, WorkerVersions versions,
            DoorProperties properties, MeterRegistry meters, Clock clock) {
        this.redis = redis;
        this.cache = cache;
        this.versions = versions;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.latency = Timer.builder("ingest.door.cache.latency")
                .description("Time of a door cache look-up in Redis (one MGET)")
                .publishPercentileHistogram()
                .register(meters);
        for (DoorDecision.Outcome outcome : DoorDecision.Outcome.values()) {
            counters.put(outcome, Counter.builder("ingest.door.cache.requests")
                    .description("Door cache look-ups of submissions, by outcome")
                    .tag("outcome", outcome.tag())
                    .register(meters));
        }
    }

    /** The known, current embedding result of the tenant's content, or empty (miss, stale, error, off). */
    public Mono<Optional<DoorEntries.Embedding>> lookup(String tenantId, String contentHash) {
        if (!properties.enabled()) {
            return Mono.just(Optional.empty());
        }
        WorkerVersions.Current current = versions.current(clock.instant());
        if (!current.agreed()) {
            // No live worker, or a rolling upgrade: nothing known can be trusted to be current.
            counters.get(DoorDecision.Outcome.STALE).increment();
            return Mono.just(Optional.empty());
        }
        List<String> keys = List.of(DoorEntries.embeddingKey(tenantId, contentHash).redisKey(),
                DoorEntries.scoreKey(tenantId, contentHash).redisKey());
        Timer.Sample sample = Timer.start(meters);
        return redis.opsForValue().multiGet(keys)
                .timeout(properties.timeout())
                .doOnEach(signal -> {
                    if (signal.isOnNext() || signal.isOnError()) {
                        sample.stop(latency);
                    }
                })
                // Reading the entries (and the submission after them) must not hold up Redis's I/O thread,
                // which every other look-up and the rate limiter wait on.
                .publishOn(Schedulers.parallel())
                .map(values -> {
                    DoorEntries.Embedding embedding = read(values.get(0), DoorEntries.Embedding.class);
                    DoorEntries.Score score = read(values.get(1), DoorEntries.Score.class);
                    DoorDecision.Outcome outcome = DoorDecision.decide(current, embedding, score);
                    counters.get(outcome).increment();
                    return outcome == DoorDecision.Outcome.HIT ? Optional.of(embedding)
                            : Optional.<DoorEntries.Embedding>empty();
                })
                .defaultIfEmpty(Optional.empty())
                .onErrorResume(e -> {
                    counters.get(DoorDecision.Outcome.ERROR).increment();
                    log.warn("door cache look-up failed, taking the normal path: {}", e.toString());
                    return Mono.just(Optional.empty());
                });
    }

    /**
     * Indexes the door entries of the content under a resume answered from them, as the workers index their
     * cache entries under it when they answer its event: erasing that resume evicts them too. Best effort.
     */
    public Mono<Void> remember(String resumeId, String tenantId, String contentHash) {
        CacheKey embedding = DoorEntries.embeddingKey(tenantId, contentHash);
        CacheKey score = DoorEntries.scoreKey(tenantId, contentHash);
        return cache.remember(resumeId, embedding, cache.ttlOf(DoorEntries.EMBEDDING_TTL_KIND))
                .then(cache.remember(resumeId, score, cache.ttlOf(DoorEntries.SCORE_TTL_KIND)))
                .then();
    }

    private static <T> T read(String json, Class<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return PipelineJson.mapper().readValue(json, type);
        } catch (RuntimeException e) {
            // An unreadable entry (another format) is unknown, never a failed submission.
            log.warn("unreadable door entry ignored: {}", e.toString());
            return null;
        }
    }
}
