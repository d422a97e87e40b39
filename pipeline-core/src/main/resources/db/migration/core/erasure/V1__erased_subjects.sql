-- Erasure kit (pipeline-core), history table flyway_history_core_erasure. Idempotent, so a database
-- migrated by the old single history (old V4) upgrades without change.

-- Subjects (resume ids) erased by DELETE /v1/resumes/{id}, written in the erasure's transaction. A
-- worker's task event that arrives after the erasure must not re-create the task row: the results
-- API's upsert skips events whose subject is listed here. Only ids, no personal data.
CREATE TABLE IF NOT EXISTS erased_subjects (
    tenant_id  text        NOT NULL,
    subject_id text        NOT NULL,
    erased_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, subject_id)
);
