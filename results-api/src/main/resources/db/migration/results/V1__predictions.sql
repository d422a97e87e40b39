-- results-api owns what it serves from what the workers publish; history table flyway_history_results.
-- Idempotent, so a database migrated by the old single history (old V6) upgrades without change.

-- Predictions shown per user (GET /v1/users/{userId}/predictions): one row per result a worker
-- computed for a resume version. kind: resume_score (overall_score, grade, ats_score) | career_path
-- (career_path, confidence, top) | recommendations (jobs [{jobId, title, match_percentage}]).
-- summary holds only derived values, never resume text or contact details.
CREATE TABLE IF NOT EXISTS predictions (
    id             uuid PRIMARY KEY,
    tenant_id      text        NOT NULL,
    resume_id      text        NOT NULL,
    resume_version int         NOT NULL,
    kind           text        NOT NULL,
    task_id        uuid,
    summary        jsonb       NOT NULL,
    created_at     timestamptz NOT NULL,
    UNIQUE (tenant_id, resume_id, resume_version, kind)
);
CREATE INDEX IF NOT EXISTS predictions_tenant_resume ON predictions (tenant_id, resume_id, created_at DESC);
