-- The scoring worker's own copy of the documents it scores against (the ingest API owns resumes,
-- resume_files and jobs; no other service reads them). Filled from resume.submitted and job.submitted by
-- the worker's projection listener (consumer group scoring-worker-documents), one row per id with the
-- latest version: an upsert keeps the higher version, so a replay or an out-of-order record changes
-- nothing. On a deployment that already has documents, the new group starts at the earliest offset and
-- replays the topics' retained records into these tables.

-- Each resume's latest version: the content and, for an uploaded file, the extracted text as ingest
-- keeps it (cut to pipeline.ingest.stored-text-chars) that the ATS score reads; null for JSON. An
-- erasure deletes the row (participant scoring).
CREATE TABLE IF NOT EXISTS scoring_resumes (
    tenant_id   text        NOT NULL,
    resume_id   text        NOT NULL,
    version     int         NOT NULL,
    content     jsonb       NOT NULL,
    source_text text,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, resume_id)
);

-- Each job's latest version (interview keywords, job-targeted ATS scores).
CREATE TABLE IF NOT EXISTS scoring_jobs (
    tenant_id  text        NOT NULL,
    job_id     text        NOT NULL,
    version    int         NOT NULL,
    content    jsonb       NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, job_id)
);
