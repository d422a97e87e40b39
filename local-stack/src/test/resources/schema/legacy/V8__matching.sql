-- matching-worker: full-text search over the shared jobs table. `search` is a weighted tsvector of the
-- job content (title A, skills B, requirements C, description D), kept current by a trigger on every
-- insert and content update so ingest-api needs no change; GIN-indexed for @@ queries ranked by ts_rank.
ALTER TABLE jobs ADD COLUMN search tsvector;

CREATE FUNCTION jobs_search_vector(content jsonb) RETURNS tsvector
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

CREATE FUNCTION jobs_search_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.search := jobs_search_vector(NEW.content);
    RETURN NEW;
END
$$;

CREATE TRIGGER jobs_search_update BEFORE INSERT OR UPDATE OF content ON jobs
    FOR EACH ROW EXECUTE FUNCTION jobs_search_trigger();

UPDATE jobs SET search = jobs_search_vector(content);

CREATE INDEX jobs_search ON jobs USING gin (search);
CREATE INDEX jobs_tenant_status ON jobs (tenant_id, status);
