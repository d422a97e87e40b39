-- Security kit (pipeline-core), history table flyway_history_core_security: API keys (tenants).
-- Idempotent, so a database migrated by the old single history (old V10) upgrades without change.

-- Keys are stored as SHA-256 of the whole key; the lookup is by hash.
CREATE TABLE IF NOT EXISTS api_keys (
    id                     text PRIMARY KEY,
    tenant_id              text        NOT NULL,
    name                   text        NOT NULL,
    hash                   text        NOT NULL UNIQUE,
    created_at             timestamptz NOT NULL,
    revoked_at             timestamptz,
    last_used_at           timestamptz,
    -- A key's own token bucket; null means the service default.
    rate_capacity          int,
    rate_refill_per_second double precision
);
CREATE INDEX IF NOT EXISTS api_keys_tenant ON api_keys (tenant_id, created_at DESC);
