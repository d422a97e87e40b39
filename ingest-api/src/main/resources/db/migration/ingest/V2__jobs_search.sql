-- Full-text search over jobs (old V8, then applied by the matching worker; the jobs table and so its
-- search column belong to ingest-api). `search` is a weighted tsvector of the job content (title A,
-- skills B, requirements C, description D), kept current by a trigger on every insert and content
-- update; GIN-indexed for @@ queries ranked by ts_rank. Idempotent for a database migrated by the old
-- single history.
-- The column sits after jobs' old V1 columns, as in an old database.
ALTER TABLE jobs ADD COLUMN IF NOT EXISTS search tsvector;

CREATE OR REPLACE FUNCTION jobs_search_vector(content jsonb) RETURNS tsvector
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

CREATE OR REPLACE FUNCTION jobs_search_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.search := jobs_search_vector(NEW.content);
    RETURN NEW;
END
$$;

-- Dropped and created in this migration's transaction (CREATE OR REPLACE TRIGGER needs PostgreSQL 14).
DROP TRIGGER IF EXISTS jobs_search_update ON jobs;
CREATE TRIGGER jobs_search_update BEFORE INSERT OR UPDATE OF content ON jobs
    FOR EACH ROW EXECUTE FUNCTION jobs_search_trigger();

-- Rows written before the trigger existed; an upgraded database has none left.
UPDATE jobs SET search = jobs_search_vector(content) WHERE search IS NULL;

CREATE INDEX IF NOT EXISTS jobs_search ON jobs USING gin (search);
CREATE INDEX IF NOT EXISTS jobs_tenant_status ON jobs (tenant_id, status);
