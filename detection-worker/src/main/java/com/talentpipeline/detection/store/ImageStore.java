package com.talentpipeline.detection.store;

import com.talentpipeline.core.json.PipelineJson;
import io.r2dbc.postgresql.codec.Json;
import java.nio.ByteBuffer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Detections ({@code detections}, this worker's table) and the uploaded images they are about, always by tenant.
 * The {@code images} table is the ingest API's (it stores the upload and publishes {@code image.submitted});
 * this worker only reads it: the bytes to detect on, and the metadata of {@code GET /v1/images/{id}/detections}.
 */
@Repository
public class ImageStore {

    /**
     * An image as the API sees it.
     *
     * @param state     state of its detection task (null when the results API has not seen it yet)
     * @param result    its detections document, null until the worker stored it
     */
    public record ImageRow(UUID id, String tenantId, UUID taskId, String contentType, String fileName, int width,
            int height, String state, JsonNode result) {
    }

    private final DatabaseClient db;

    public ImageStore(DatabaseClient db) {
        this.db = db;
    }

    /** The image with its task state and detections, or empty for an unknown id or another tenant's. */
    public Mono<ImageRow> find(String tenant, UUID imageId) {
        return db.sql("""
                        SELECT i.id, i.tenant_id, i.task_id, i.content_type, i.file_name, i.width, i.height,
                               t.state, d.result
                        FROM images i
                        LEFT JOIN tasks t ON t.id = i.task_id
                        LEFT JOIN detections d ON d.image_id = i.id
                        WHERE i.id = :id AND i.tenant_id = :tenant""")
                .bind("id", imageId).bind("tenant", tenant)
                .map(row -> {
                    Json result = row.get("result", Json.class);
                    return new ImageRow(row.get("id", UUID.class), row.get("tenant_id", String.class),
                            row.get("task_id", UUID.class), row.get("content_type", String.class),
                            row.get("file_name", String.class), row.get("width", Integer.class),
                            row.get("height", Integer.class), row.get("state", String.class),
                            result == null ? null : PipelineJson.mapper().readTree(result.asString()));
                })
                .one();
    }

    /** The bytes of an image of this tenant, or empty. */
    public Mono<byte[]> bytes(String tenant, UUID imageId) {
        return db.sql("SELECT bytes FROM images WHERE id = :id AND tenant_id = :tenant")
                .bind("id", imageId).bind("tenant", tenant)
                .map(row -> {
                    ByteBuffer buffer = row.get("bytes", ByteBuffer.class);
                    byte[] out = new byte[buffer.remaining()];
                    buffer.get(out);
                    return out;
                })
                .one();
    }

    /** Stores (or replaces, on redelivery) an image's detections. */
    public Mono<Void> saveDetections(String tenant, UUID imageId, String backbone, int objects,
            Map<String, Object> result) {
        return db.sql("""
                        INSERT INTO detections (image_id, tenant_id, backbone, objects, result, created_at)
                        VALUES (:id, :tenant, :backbone, :objects, :result, :now)
                        ON CONFLICT (image_id) DO UPDATE SET backbone = EXCLUDED.backbone, objects = EXCLUDED.objects,
                            result = EXCLUDED.result, created_at = EXCLUDED.created_at""")
                .bind("id", imageId).bind("tenant", tenant).bind("backbone", backbone).bind("objects", objects)
                .bind("result", Json.of(PipelineJson.mapper().writeValueAsString(result)))
                .bind("now", OffsetDateTime.now(ZoneOffset.UTC))
                .then();
    }
}
