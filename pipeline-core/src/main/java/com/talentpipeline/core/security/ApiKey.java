package com.talentpipeline.core.security;

import java.time.OffsetDateTime;

/**
 * A stored key (never its secret).
 *
 * @param id              the key's id
 * @param tenantId        the tenant it acts for
 * @param name            a label
 * @param createdAt       creation time
 * @param revokedAt       revocation time, or null
 * @param lastUsedAt      last time it was seen (refreshed at most once per cache period), or null
 * @param rateCapacity    its own bucket size, or null for the default
 * @param refillPerSecond its own refill rate, or null for the default
 */
public record ApiKey(String id, String tenantId, String name, OffsetDateTime createdAt, OffsetDateTime revokedAt,
        OffsetDateTime lastUsedAt, Integer rateCapacity, Double refillPerSecond) {

    /** Whether the key still works. */
    public boolean active() {
        return revokedAt == null;
    }
}
