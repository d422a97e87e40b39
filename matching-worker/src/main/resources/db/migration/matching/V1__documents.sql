-- The matching worker's own copy of the documents it matches (the ingest API owns resumes, resume_files
-- and jobs; no other service reads them); history table flyway_history_matching. Filled from
-- resume.submitted and job.submitted by the worker's projection listener (consumer group
-- matching-worker-documents), one row per id with the latest version: an upsert keeps the higher version,
-- so a replayed, duplicate or out-of-order record changes nothing. On a deployment that already has
-- documents, the new group starts at the earliest offset and replays the topics' retained records here.

-- Each resume's latest version: the content (skills), its hash, and what the candidate filters read:
-- the city the parser found in an uploaded file's contact block, and whether the summary or the file's
-- text mentions remote work (computed once when stored; the text itself is not kept). An erasure
-- deletes the row (participant matching).
CREATE TABLE IF NOT EXISTS matching_resumes (
    id           text PRIMARY KEY,
    tenant_id    text        NOT NULL,
    version      int         NOT NULL,
    content_hash text        NOT NULL,
    content      jsonb       NOT NULL,
    location     text,
    remote       boolean     NOT NULL,
    updated_at   timestamptz NOT NULL
);

-- Each job's latest version, with its status and the full-text vector job search ranks by.
CREATE TABLE IF NOT EXISTS matching_jobs (
    id           text PRIMARY KEY,
    tenant_id    text        NOT NULL,
    version      int         NOT NULL,
    content_hash text        NOT NULL,
    content      jsonb       NOT NULL,
    status       text        NOT NULL,
    search       tsvector,
    updated_at   timestamptz NOT NULL
);

-- The same weighted tsvector as the ingest API's jobs.search (its V2; title A, skills B, requirements C,
-- description D), so search ranks exactly as it did on that column; kept current by a trigger on every
-- insert and content update.
CREATE OR REPLACE FUNCTION matching_jobs_search_vector(content jsonb) RETURNS tsvector
LANGUAGE sql IMMUTABLE AS $$
    SELECT setweight(to_tsvector('english', coalesce(content->>'title', '')), 'A')
        || setweight(to_tsvector('english', coalesce((
               SELECT string_agg(coalesce(s->>'name', s #>> '{}'), ' ')
               FROM jsonb_array_elements(CASE WHEN jsonb_typeof(content->'skills') = 'array'
                                              THEN content->'skills' ELSE '[]'::jsonb END) s), '')), 'B')
        || setweight(to_tsvector('english', coalesce((
               SELECT string_agg(r #>> '{}', ' ')
               FROM jsonb_array_elements(CASE WHEN jsonb_typeof(content->'requirements') = 'array'
                                              THEN content->'requirements' ELSE '[]'::jsonb END) r), '')), 'C')
        || setweight(to_tsvector('english', coalesce(content->>'description', '')), 'D')
$$;

CREATE OR REPLACE FUNCTION matching_jobs_search_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.search := matching_jobs_search_vector(NEW.content);
    RETURN NEW;
END
$$;

DROP TRIGGER IF EXISTS matching_jobs_search_update ON matching_jobs;
CREATE TRIGGER matching_jobs_search_update BEFORE INSERT OR UPDATE OF content ON matching_jobs
    FOR EACH ROW EXECUTE FUNCTION matching_jobs_search_trigger();

CREATE INDEX IF NOT EXISTS matching_jobs_search ON matching_jobs USING gin (search);
CREATE INDEX IF NOT EXISTS matching_jobs_tenant_status ON matching_jobs (tenant_id, status);
