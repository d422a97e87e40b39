-- Scoring worker (issue 3). One row per scored resume version: the full score (quality, ATS, career
-- paths) as the scorer version that produced it computed it. Older versions stay for history; the API
-- serves the highest version. The result holds derived values only, never resume text.
CREATE TABLE resume_scores (
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
CREATE TABLE career_taxonomies (
    tenant_id  text        NOT NULL,
    id         text        NOT NULL,
    name       text        NOT NULL,
    labels     jsonb       NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
