-- ingest-api owns the submitted documents; history table flyway_history_ingest. Idempotent, so a
-- database migrated by the old single history (V1..V12 in flyway_schema_history) upgrades without
-- change. Columns added by later old scripts are added in their old order (same column order).

-- Submitted documents, one row per id with the latest version.
CREATE TABLE IF NOT EXISTS resumes (
    id           text PRIMARY KEY,
    tenant_id    text        NOT NULL,
    version      int         NOT NULL,
    content      jsonb       NOT NULL,
    content_hash text        NOT NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS jobs (
    id           text PRIMARY KEY,
    tenant_id    text        NOT NULL,
    version      int         NOT NULL,
    content      jsonb       NOT NULL,
    content_hash text        NOT NULL,
    status       text        NOT NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);

-- Original resume files (PDF, DOCX, text) and what the parser made of them: one row per resume,
-- for its latest version. Bytes stay with the resume so an erasure removes them in the same statement.
CREATE TABLE IF NOT EXISTS resume_files (
    resume_id   text PRIMARY KEY REFERENCES resumes (id) ON DELETE CASCADE,
    tenant_id   text        NOT NULL,
    version     int         NOT NULL,
    user_id     text,
    media_type  text        NOT NULL,
    sha256      text        NOT NULL,
    size_bytes  int         NOT NULL,
    bytes       bytea       NOT NULL,
    -- The first pipeline.ingest.stored-text-chars characters of the extracted text, for display.
    text        text        NOT NULL,
    text_length int         NOT NULL,
    -- Parse report: warnings, per-field provenance (line, start, end), links, undated roles.
    parse       jsonb       NOT NULL,
    created_at  timestamptz NOT NULL
);

-- The caller's own user id for a resume (optional, old V6), so predictions can be listed per user.
ALTER TABLE resumes ADD COLUMN IF NOT EXISTS user_id text;
CREATE INDEX IF NOT EXISTS resumes_tenant_user ON resumes (tenant_id, user_id);

-- Keyset paging of a tenant's resumes (old V10).
CREATE INDEX IF NOT EXISTS resumes_tenant_created ON resumes (tenant_id, created_at DESC, id DESC);

-- The client's file name of an uploaded resume (old V11; display only, the type is detected from the bytes).
ALTER TABLE resume_files ADD COLUMN IF NOT EXISTS file_name text;
