package com.talentpipeline.core.cache;

/**
 * A content-addressed cache key: kind + producer (model or scorer) version + SHA-256 of the
 * normalised input. Upgrading the model changes the version and so the key: a stale value is never
 * served, it simply stops being read and expires.
 *
 * @param kind        what is cached, e.g. resume-embedding (also selects the TTL)
 * @param version     model or scorer version
 * @param contentHash SHA-256 of the normalised input
 */
public record CacheKey(String kind, String version, String contentHash) {

    /** The Redis key. */
    public String redisKey() {
        return "tp:" + kind + ":" + version + ":" + contentHash;
    }
}
