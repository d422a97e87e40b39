-- scoring-worker owns its scores and taxonomies; history table flyway_history_scoring. Idempotent, so
-- a database migrated by the old single history (old V7, V12) upgrades without change.

-- One row per scored resume version: the full score (quality, ATS, career paths) as the scorer version
-- that produced it computed it. Older versions stay for history; the API serves the highest version.
-- The result holds derived values only, never resume text.
CREATE TABLE IF NOT EXISTS resume_scores (
    tenant_id      text        NOT NULL,
    resume_id      text        NOT NULL,
    version        int         NOT NULL,
    scorer_version text        NOT NULL,
    content_hash   text        NOT NULL,
    task_id        uuid        NOT NULL,
    result         jsonb       NOT NULL,
    created_at     timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, resume_id, version)
);

-- Career-path label sets a tenant stores and reuses by id (POST /v1/career-paths/taxonomies).
CREATE TABLE IF NOT EXISTS career_taxonomies (
    tenant_id  text        NOT NULL,
    id         text        NOT NULL,
    name       text        NOT NULL,
    labels     jsonb       NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

-- The profile vector of each scored resume version (old V12), as the embedding worker published it on
-- resume.embedded: career paths on demand (POST /v1/career-paths/predict with a resume id) read it here
-- instead of encoding the resume again. Null for rows scored before it was kept.
ALTER TABLE resume_scores
    ADD COLUMN IF NOT EXISTS profile_model  text,
    ADD COLUMN IF NOT EXISTS profile_vector float4[];
