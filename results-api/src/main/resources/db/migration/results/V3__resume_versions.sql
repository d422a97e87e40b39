-- The results API's projection of ingest-api's resume.submitted events (ingest owns resumes and
-- resume_files; the results API never reads them): per resume version, the owner the submission named
-- and, for an uploaded file, its name and type. Written by ResumeSubmittedListener (an upsert per
-- version, so a replayed event changes nothing), deleted by the results API's erasure.
-- user_id: the user the submission named; null when it named none (the resume keeps the owner an
-- earlier version named, as ingest's resumes.user_id does). upload: the version came from a file.
CREATE TABLE IF NOT EXISTS resume_versions (
    tenant_id    text        NOT NULL,
    resume_id    text        NOT NULL,
    version      int         NOT NULL,
    user_id      text,
    upload       boolean     NOT NULL,
    file_name    text,
    media_type   text,
    submitted_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, resume_id, version)
);
-- The per-user listings find a user's resumes by it.
CREATE INDEX IF NOT EXISTS resume_versions_user ON resume_versions (tenant_id, user_id) WHERE user_id IS NOT NULL;
