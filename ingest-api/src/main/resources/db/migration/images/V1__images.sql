-- Uploaded images (bytes kept here, the image.submitted event carries the id); history table
-- flyway_history_images. A location of its own so it can move with image intake to ingest-api (move
-- this folder and list `images` in that service's pipeline.db.owners): the history table goes with it.
-- Idempotent, so a database migrated by the old single history (old V9) upgrades without change.
CREATE TABLE IF NOT EXISTS images (
    id            uuid PRIMARY KEY,
    tenant_id     text        NOT NULL,
    task_id       uuid        NOT NULL,
    content_type  text        NOT NULL,
    file_name     text,
    width         int         NOT NULL,
    height        int         NOT NULL,
    size_bytes    bigint      NOT NULL,
    content_hash  text        NOT NULL,
    bytes         bytea       NOT NULL,
    created_at    timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS images_tenant_created ON images (tenant_id, created_at DESC);
