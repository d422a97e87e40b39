-- Webhooks, their deliveries and the signing secrets of per-task callbacks (old V10). Idempotent for
-- a database migrated by the old single history.

CREATE TABLE IF NOT EXISTS webhooks (
    id         uuid PRIMARY KEY,
    tenant_id  text        NOT NULL,
    url        text        NOT NULL,
    events     text[]      NOT NULL,
    secret     text        NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS webhooks_tenant ON webhooks (tenant_id, created_at DESC);

-- One row per (webhook or task callback, event); attempt counts deliveries made.
CREATE TABLE IF NOT EXISTS webhook_deliveries (
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
CREATE UNIQUE INDEX IF NOT EXISTS webhook_deliveries_event ON webhook_deliveries (coalesce(webhook_id::text, callback_url), event_id);
CREATE INDEX IF NOT EXISTS webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX IF NOT EXISTS webhook_deliveries_webhook ON webhook_deliveries (webhook_id, created_at DESC);

-- One row per attempt, for GET /v1/webhooks/{id}/deliveries.
CREATE TABLE IF NOT EXISTS webhook_attempts (
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
CREATE TABLE IF NOT EXISTS tenant_secrets (
    tenant_id  text PRIMARY KEY,
    secret     text        NOT NULL,
    created_at timestamptz NOT NULL
);
