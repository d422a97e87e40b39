-- Original resume files (PDF, DOCX, text) and what the parser made of them: one row per resume,
-- for its latest version. Bytes stay with the resume so an erasure removes them in the same statement.
CREATE TABLE resume_files (
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
