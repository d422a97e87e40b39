-- One prediction per resume upload (GET /v1/predictions/{id}, id = the upload's task id).
-- The document version a submission's task is about, written by the intake in the submission's
-- transaction (resumes and jobs alike; null for tasks of other kinds), so the results side finds the
-- worker results of exactly that version.
ALTER TABLE tasks ADD COLUMN subject_version int;
-- Tenant-wide listing of one task type, newest first (GET /v1/predictions).
CREATE INDEX tasks_tenant_type_created ON tasks (tenant_id, type, created_at DESC, id DESC);
-- The client's file name of an uploaded resume (display only; the type is detected from the bytes).
ALTER TABLE resume_files ADD COLUMN file_name text;
