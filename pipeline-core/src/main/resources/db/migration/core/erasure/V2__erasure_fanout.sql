-- Erasure as a fan-out (erasure kit, com.talentpipeline.core.erasure; with erased_subjects). Ids and
-- counts only, no personal data. An erasure task's plan lives here while the task waits for its
-- participants' reports; the results API closes it (deletes both) when the task ends.
CREATE TABLE IF NOT EXISTS erasure_tasks (
    task_id    uuid        PRIMARY KEY,
    tenant_id  text        NOT NULL,
    -- ErasurePlan: participants, resumes, tombstones, events.
    plan       jsonb       NOT NULL,
    -- The deadline (pipeline.erasure.deadline) counts from here.
    created_at timestamptz NOT NULL
);

-- One report per participant and erased resume; a re-delivered event's second report is ignored.
-- No foreign key: a participant may report before the ingest API's transaction has committed the plan.
CREATE TABLE IF NOT EXISTS erasure_reports (
    task_id     uuid        NOT NULL,
    participant text        NOT NULL,
    subject_id  text        NOT NULL,
    counts      jsonb       NOT NULL,
    reported_at timestamptz NOT NULL,
    PRIMARY KEY (task_id, participant, subject_id)
);
