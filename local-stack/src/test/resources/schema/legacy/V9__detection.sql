-- detection-worker: uploaded images (bytes kept here, the event carries the id) and their detections.
-- Both tenant-scoped; a detections row is written once per image (upsert by image id on redelivery).
CREATE TABLE images (
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
CREATE INDEX images_tenant_created ON images (tenant_id, created_at DESC);

CREATE TABLE detections (
    image_id    uuid PRIMARY KEY REFERENCES images (id) ON DELETE CASCADE,
    tenant_id   text        NOT NULL,
    backbone    text        NOT NULL,
    objects     int         NOT NULL,
    result      jsonb       NOT NULL,
    created_at  timestamptz NOT NULL
);
