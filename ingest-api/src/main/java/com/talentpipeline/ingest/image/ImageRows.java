package com.talentpipeline.ingest.image;

import com.talentpipeline.core.task.intake.OwnerRows;
import java.nio.ByteBuffer;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The uploaded image's row ({@code images}, the ingest API's table), written in the intake kit's statement with
 * its task ({@code :task}); the image has one version. Undone by deleting it when Kafka refuses the event.
 */
final class ImageRows implements OwnerRows<Void> {

    /**
     * What is stored of an upload.
     *
     * @param contentType from the magic bytes
     * @param fileName    the client's file name (metadata only; may be null)
     */
    record Image(UUID id, String contentType, String fileName, int width, int height, byte[] bytes) {
    }

    private final DatabaseClient db;
    private final Image image;

    ImageRows(DatabaseClient db, Image image) {
        this.db = db;
        this.image = image;
    }

    @Override
    public String ctes() {
        return """
                doc AS (INSERT INTO images (id, tenant_id, task_id, content_type, file_name, width, height, size_bytes,
                                            content_hash, bytes, created_at)
                        VALUES (:image, :tenant, :task, :contentType, :fileName, :width, :height, :size, :hash,
                                :bytes, :now)
                        RETURNING 1 AS version)""";
    }

    @Override
    public DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec) {
        return spec.bind("image", image.id())
                .bind("contentType", image.contentType())
                .bind("fileName", image.fileName() == null ? "" : image.fileName())
                .bind("width", image.width())
                .bind("height", image.height())
                .bind("size", (long) image.bytes().length)
                .bind("bytes", ByteBuffer.wrap(image.bytes()));
    }

    @Override
    public Mono<Void> undo(Integer version, Void state) {
        return db.sql("DELETE FROM images WHERE id = :id").bind("id", image.id()).then();
    }
}
