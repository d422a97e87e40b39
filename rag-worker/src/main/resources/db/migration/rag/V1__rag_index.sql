-- rag-worker owns the question-answering index; history table flyway_history_rag. Idempotent, so a
-- database migrated by the old single history (old V5) upgrades without change.
-- One row per indexed resume (its latest version only) with the rendered text the chunks' character
-- offsets point into, the chunks with their vectors (float4[], L2-normalised, of the rag worker's text
-- model), and per-resume query counters.
CREATE TABLE IF NOT EXISTS rag_documents (
    resume_id   text PRIMARY KEY,
    tenant_id   text        NOT NULL,
    version     int         NOT NULL,
    model       text        NOT NULL,
    text        text        NOT NULL,
    indexed_at  timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS rag_chunks (
    resume_id   text        NOT NULL REFERENCES rag_documents (resume_id) ON DELETE CASCADE,
    chunk_id    text        NOT NULL,
    ordinal     int         NOT NULL,
    section     text        NOT NULL,
    text        text        NOT NULL,
    -- What was embedded: the text with its section (and role) as context.
    context     text        NOT NULL,
    char_start  int         NOT NULL,
    char_end    int         NOT NULL,
    vector      float4[]    NOT NULL,
    PRIMARY KEY (resume_id, chunk_id)
);
CREATE TABLE IF NOT EXISTS rag_query_stats (
    resume_id          text PRIMARY KEY,
    total_queries      bigint NOT NULL DEFAULT 0,
    successful_queries bigint NOT NULL DEFAULT 0,
    updated_at         timestamptz NOT NULL
);
