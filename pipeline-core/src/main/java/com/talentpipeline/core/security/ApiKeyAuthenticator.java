package com.talentpipeline.core.security;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * Resolves a presented key to its record, remembering each answer (found or not) for
 * {@code pipeline.security.cache-ttl}: one PostgreSQL read per key and period, so a revocation takes
 * effect within that period. The cache is bounded; when full it is cleared (keys are few).
 */
public class ApiKeyAuthenticator {

    private static final int MAX_ENTRIES = 10_000;

    private final ApiKeyStore store;
    private final long ttlNanos;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    private record Entry(Optional<ApiKey> key, long expiresAt) {
    }

    public ApiKeyAuthenticator(ApiKeyStore store, Duration ttl) {
        this.store = store;
        this.ttlNanos = ttl.toNanos();
    }

    /** The active key for this secret, or empty when it is unknown or revoked. */
    public Mono<ApiKey> authenticate(String secret) {
        String hash = ApiKeys.hash(secret);
        Entry entry = cache.get(hash);
        long now = System.nanoTime();
        if (entry != null && now - entry.expiresAt() < 0) {
            return Mono.justOrEmpty(entry.key());
        }
        return store.resolve(hash)
                .filter(ApiKey::active)
                .flatMap(key -> store.touch(key.id()).onErrorResume(e -> Mono.empty()).thenReturn(key))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .doOnNext(found -> {
                    if (cache.size() >= MAX_ENTRIES) {
                        cache.clear();
                    }
                    cache.put(hash, new Entry(found, System.nanoTime() + ttlNanos));
                })
                .flatMap(Mono::justOrEmpty);
    }

    /** Whether an answer for this secret (valid or not) is remembered, so checking it costs no look-up. */
    public boolean knows(String secret) {
        Entry entry = cache.get(ApiKeys.hash(secret));
        return entry != null && System.nanoTime() - entry.expiresAt() < 0;
    }

    /** Forgets every remembered answer (a revocation in this process is visible at once). */
    public void invalidateAll() {
        cache.clear();
    }
}
