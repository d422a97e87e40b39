-- The images table belongs to the ingest API (uploads come in at the front door) and its migration set
-- runs when ingest starts, after this worker's. A table does not reference another owner's table, so the
-- old single history's foreign key (detections.image_id -> images.id) goes; detections are keyed by image id.
ALTER TABLE detections DROP CONSTRAINT IF EXISTS detections_image_id_fkey;
