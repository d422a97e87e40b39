-- A database migrated by the old single history (old V9) has detections.image_id referencing the ingest
-- API's images; each table has one owner, so this worker's table keeps no key into another's.
ALTER TABLE detections DROP CONSTRAINT IF EXISTS detections_image_id_fkey;
