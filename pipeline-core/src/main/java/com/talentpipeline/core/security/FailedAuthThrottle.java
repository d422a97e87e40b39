package com.talentpipeline.core.security;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounds the key-store look-ups one client address can cause with keys nobody knows: a token bucket
 * per address, in memory (the look-ups it protects are this process's own). A token is taken before
 * a look-up of a key that is not already cached and given back when the key turns out valid, so
 * concurrent unknown keys are counted before their answers arrive and valid traffic never runs dry.
 */
class FailedAuthThrottle {

    private static final int MAX_ADDRESSES = 10_000;

    private final double capacity;
    private final double refillPerNano;
    private final Map<InetAddress, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }

    public FailedAuthThrottle(int capacity, double refillPerSecond) {
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / 1e9;
    }

    /** Takes a token for a look-up from this address; false when its bucket is empty. */
    public boolean tryAcquire(InetAddress address) {
        if (address == null) {
            return true;
        }
        if (buckets.size() >= MAX_ADDRESSES) {
            buckets.clear();
        }
        long now = System.nanoTime();
        Bucket bucket = buckets.computeIfAbsent(address, a -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updated) * refillPerNano);
            bucket.updated = now;
            if (bucket.tokens < 1) {
                return false;
            }
            bucket.tokens -= 1;
            return true;
        }
    }

    /** Gives back the token of a look-up that found a valid key. */
    public void refund(InetAddress address) {
        Bucket bucket = address == null ? null : buckets.get(address);
        if (bucket != null) {
            synchronized (bucket) {
                bucket.tokens = Math.min(capacity, bucket.tokens + 1);
            }
        }
    }

    /** Seconds until this address has a token again (at least 1). */
    public long retryAfterSeconds() {
        return Math.max(1, (long) Math.ceil(1 / (refillPerNano * 1e9)));
    }
}
