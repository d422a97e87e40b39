-- Tasks: one row per accepted submission; state only moves forward (see TaskState.rank).
CREATE TABLE tasks (
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
CREATE INDEX tasks_tenant_created ON tasks (tenant_id, created_at DESC);
CREATE INDEX tasks_subject ON tasks (subject_id);

-- A retried POST with the same Idempotency-Key returns the task of the first one.
CREATE TABLE idempotency_keys (
    tenant_id    text        NOT NULL,
    key          text        NOT NULL,
    request_hash text        NOT NULL,
    task_id      uuid        NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    subject_id   text        NOT NULL,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, key)
);

-- Submitted documents, one row per id with the latest version.
CREATE TABLE resumes (
    id           text PRIMARY KEY,
    tenant_id    text        NOT NULL,
    version      int         NOT NULL,
    content      jsonb       NOT NULL,
    content_hash text        NOT NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);
CREATE TABLE jobs (
    id           text PRIMARY KEY,
    tenant_id    text        NOT NULL,
    version      int         NOT NULL,
    content      jsonb       NOT NULL,
    content_hash text        NOT NULL,
    status       text        NOT NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);

-- Results, keyed by task id so a re-delivered result is an upsert, never a duplicate row.
CREATE TABLE task_results (
    task_id    uuid PRIMARY KEY REFERENCES tasks (id) ON DELETE CASCADE,
    tenant_id  text        NOT NULL,
    subject_id text        NOT NULL,
    type       text        NOT NULL,
    result     jsonb       NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX task_results_subject ON task_results (subject_id, type, created_at DESC);
