-- detection-worker owns the detections; history table flyway_history_detection. A detections row is written
-- once per image (upsert by image id on redelivery). The image id names an upload of the ingest API, but
-- no foreign key: `images` is another owner's table (and may not exist yet when this worker migrates first);
-- the bytes reach this worker in image.submitted. Idempotent, so a database migrated by the old single
-- history (old V9) upgrades without change; V2 drops that history's foreign key.
CREATE TABLE IF NOT EXISTS detections (
    image_id    uuid PRIMARY KEY,
    tenant_id   text        NOT NULL,
    backbone    text        NOT NULL,
    objects     int         NOT NULL,
    result      jsonb       NOT NULL,
    created_at  timestamptz NOT NULL
);
