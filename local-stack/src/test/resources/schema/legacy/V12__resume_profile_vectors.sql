-- The profile vector of each scored resume version, as the embedding worker published it on
-- resume.embedded: career paths on demand (POST /v1/career-paths/predict with a resume id) read it here
-- instead of encoding the resume again. Null for rows scored before it was kept.
ALTER TABLE resume_scores
    ADD COLUMN profile_model  text,
    ADD COLUMN profile_vector float4[];
