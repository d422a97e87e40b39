package com.talentpipeline.core.security;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code api_keys} table: create (the key is returned once), list, revoke, resolve by hash. */
public class ApiKeyStore {

    private final DatabaseClient db;

    public ApiKeyStore(DatabaseClient db) {
        this.db = db;
    }

    /**
     * A key just created, with its secret (shown once).
     *
     * @param key    the stored record
     * @param secret the full key to send as {@code Authorization: Bearer}
     */
    public record Created(ApiKey key, String secret) {
    }

    /** Creates a random key for the tenant. */
    public Mono<Created> create(String tenantId, String name, Integer capacity, Double refillPerSecond) {
        return insert(ApiKeys.generate(), tenantId, name, capacity, refillPerSecond);
    }

    /** Stores a given key (e.g. the fixed development key) unless its hash is stored already. */
    public Mono<Created> ensure(String secret, String tenantId, String name) {
        return resolve(ApiKeys.hash(secret))
                .map(existing -> new Created(existing, secret))
                .switchIfEmpty(Mono.defer(() -> insert(secret, tenantId, name, null, null)));
    }

    private Mono<Created> insert(String secret, String tenantId, String name, Integer capacity, Double refill) {
        String id = ApiKeys.idOf(secret);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        var spec = db.sql("""
                        INSERT INTO api_keys (id, tenant_id, name, hash, created_at, rate_capacity, rate_refill_per_second)
                        VALUES (:id, :tenant, :name, :hash, :now, :capacity, :refill)""")
                .bind("id", id).bind("tenant", tenantId).bind("name", name)
                .bind("hash", ApiKeys.hash(secret)).bind("now", now);
        spec = capacity == null ? spec.bindNull("capacity", Integer.class) : spec.bind("capacity", capacity);
        spec = refill == null ? spec.bindNull("refill", Double.class) : spec.bind("refill", refill);
        return spec.then().thenReturn(new Created(
                new ApiKey(id, tenantId, name, now, null, null, capacity, refill), secret));
    }

    /** The tenant's keys (revoked ones too), newest first; every tenant's when {@code tenantId} is null. */
    public Flux<ApiKey> list(String tenantId) {
        if (tenantId == null) {
            return db.sql("SELECT * FROM api_keys ORDER BY created_at DESC").map(ApiKeyStore::key).all();
        }
        return db.sql("SELECT * FROM api_keys WHERE tenant_id = :tenant ORDER BY created_at DESC")
                .bind("tenant", tenantId).map(ApiKeyStore::key).all();
    }

    /** Revokes a key; emits whether one was active. */
    public Mono<Boolean> revoke(String id) {
        return db.sql("UPDATE api_keys SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                .bind("id", id).bind("now", OffsetDateTime.now(ZoneOffset.UTC))
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    /** The key with this hash (revoked or not), or empty. */
    public Mono<ApiKey> resolve(String hash) {
        return db.sql("SELECT * FROM api_keys WHERE hash = :hash").bind("hash", hash).map(ApiKeyStore::key).one();
    }

    /** Records that the key was used (called once per cache period, not per request). */
    public Mono<Void> touch(String id) {
        return db.sql("UPDATE api_keys SET last_used_at = :now WHERE id = :id")
                .bind("id", id).bind("now", OffsetDateTime.now(ZoneOffset.UTC)).then();
    }

    private static ApiKey key(Readable row) {
        return new ApiKey(row.get("id", String.class), row.get("tenant_id", String.class),
                row.get("name", String.class), row.get("created_at", OffsetDateTime.class),
                row.get("revoked_at", OffsetDateTime.class), row.get("last_used_at", OffsetDateTime.class),
                row.get("rate_capacity", Integer.class), row.get("rate_refill_per_second", Double.class));
    }
}
