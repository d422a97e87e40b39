package com.talentpipeline.core.cache;

/**
 * A content-addressed cache key: tenant + kind + producer (model or scorer) version + SHA-256 of the
 * normalised input. Upgrading the model changes the version and so the key: a stale value is never
 * served, it simply stops being read and expires. The tenant is part of the key on purpose: a hit
 * on another tenant's entry would tell the caller (by {@code cacheHit} and by latency) that some
 * tenant holds the same document; each tenant pays for its own first encoding instead.
 *
 * @param tenantId    the tenant whose request produced (and may read) the entry
 * @param kind        what is cached, e.g. resume-embedding (also selects the TTL)
 * @param version     model or scorer version
 * @param contentHash SHA-256 of the normalised input
 */
public record CacheKey(String tenantId, String kind, String version, String contentHash) {

    /** The Redis key. */
    public String redisKey() {
        // Tenant ids are free text: encoded so a ':' in one cannot make two keys collide.
        return "tp:" + kind + ":" + version + ":" + java.net.URLEncoder.encode(tenantId, java.nio.charset.StandardCharsets.UTF_8)
                + ":" + contentHash;
    }
}
