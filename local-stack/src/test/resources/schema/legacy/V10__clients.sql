-- Real clients: API keys (tenants), webhooks and their deliveries, per-task callbacks.

-- Keys are stored as SHA-256 of the whole key; the lookup is by hash.
CREATE TABLE api_keys (
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
CREATE INDEX api_keys_tenant ON api_keys (tenant_id, created_at DESC);

CREATE TABLE webhooks (
    id         uuid PRIMARY KEY,
    tenant_id  text        NOT NULL,
    url        text        NOT NULL,
    events     text[]      NOT NULL,
    secret     text        NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX webhooks_tenant ON webhooks (tenant_id, created_at DESC);

-- One row per (webhook or task callback, event); attempt counts deliveries made.
CREATE TABLE webhook_deliveries (
    id              uuid PRIMARY KEY,
    tenant_id       text        NOT NULL,
    webhook_id      uuid REFERENCES webhooks (id) ON DELETE CASCADE,
    -- Set for a per-task callback (no webhook row).
    callback_url    text,
    event_id        uuid        NOT NULL,
    event_type      text        NOT NULL,
    subject_id      text,
    payload         jsonb       NOT NULL,
    attempt         int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,
    state           text        NOT NULL,
    last_status     int,
    last_error      text,
    response        text,
    -- Retries stop max-age after this (creation, or the last redelivery request).
    window_start    timestamptz NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE UNIQUE INDEX webhook_deliveries_event ON webhook_deliveries (coalesce(webhook_id::text, callback_url), event_id);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX webhook_deliveries_webhook ON webhook_deliveries (webhook_id, created_at DESC);

-- One row per attempt, for GET /v1/webhooks/{id}/deliveries.
CREATE TABLE webhook_attempts (
    delivery_id  uuid        NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempt      int         NOT NULL,
    status       int,
    error        text,
    response     text,
    duration_ms  int         NOT NULL,
    attempted_at timestamptz NOT NULL,
    PRIMARY KEY (delivery_id, attempt)
);

-- Signing secret of a tenant's per-task callbacks (created on first use).
CREATE TABLE tenant_secrets (
    tenant_id  text PRIMARY KEY,
    secret     text        NOT NULL,
    created_at timestamptz NOT NULL
);

ALTER TABLE tasks ADD COLUMN callback_url text;
CREATE INDEX tasks_tenant_created_id ON tasks (tenant_id, created_at DESC, id DESC);
CREATE INDEX resumes_tenant_created ON resumes (tenant_id, created_at DESC, id DESC);
