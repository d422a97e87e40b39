-- Task kit (pipeline-core), history table flyway_history_core_task. Applied by every service that
-- writes or reads tasks through the kit. Written so that a database migrated by the old single
-- history (V1..V12 in flyway_schema_history) upgrades without change: every statement is a no-op
-- when its object exists. Columns added by later old scripts are added in their old order, so a new
-- database gets the same column order as an old one.

-- Tasks: one row per accepted submission; state only moves forward (see TaskState.rank).
CREATE TABLE IF NOT EXISTS tasks (
    id             uuid PRIMARY KEY,
    tenant_id      text        NOT NULL,
    type           text        NOT NULL,
    state          text        NOT NULL,
    subject_id     text        NOT NULL,
    content_hash   text,
    progress       int         NOT NULL DEFAULT 0,
    error_code     text,
    error_message  text,
    model_name     text,
    model_version  text,
    model_dimension int,
    cache_hit      boolean     NOT NULL DEFAULT false,
    result_link    text,
    created_at     timestamptz NOT NULL,
    started_at     timestamptz,
    finished_at    timestamptz,
    updated_at     timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS tasks_tenant_created ON tasks (tenant_id, created_at DESC);
CREATE INDEX IF NOT EXISTS tasks_subject ON tasks (subject_id);

-- A retried POST with the same Idempotency-Key returns the task of the first one.
CREATE TABLE IF NOT EXISTS idempotency_keys (
    tenant_id    text        NOT NULL,
    key          text        NOT NULL,
    request_hash text        NOT NULL,
    task_id      uuid        NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    subject_id   text        NOT NULL,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, key)
);

-- Results, keyed by task id so a re-delivered result is an upsert, never a duplicate row.
CREATE TABLE IF NOT EXISTS task_results (
    task_id    uuid PRIMARY KEY REFERENCES tasks (id) ON DELETE CASCADE,
    tenant_id  text        NOT NULL,
    subject_id text        NOT NULL,
    type       text        NOT NULL,
    result     jsonb       NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS task_results_subject ON task_results (subject_id, type, created_at DESC);

-- Per-task callback URL (old V10) and keyset paging by (created_at, id).
ALTER TABLE tasks ADD COLUMN IF NOT EXISTS callback_url text;
CREATE INDEX IF NOT EXISTS tasks_tenant_created_id ON tasks (tenant_id, created_at DESC, id DESC);

-- The document version a submission's task is about (old V11), written by the intake in the
-- submission's transaction (resumes and jobs alike; null for tasks of other kinds), so the results side
-- finds the worker results of exactly that version.
ALTER TABLE tasks ADD COLUMN IF NOT EXISTS subject_version int;
-- Tenant-wide listing of one task type, newest first (GET /v1/predictions).
CREATE INDEX IF NOT EXISTS tasks_tenant_type_created ON tasks (tenant_id, type, created_at DESC, id DESC);
