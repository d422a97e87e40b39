package com.talentpipeline.detection.store;

import com.talentpipeline.core.image.ImageDetections;
import com.talentpipeline.core.json.PipelineJson;
import io.r2dbc.postgresql.codec.Json;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Detections ({@code detections}, this worker's only table), by image id. The images themselves are the
 * ingest API's: they reach this worker in {@code image.submitted}, so no other module's table is read here.
 * Clients read the detections from the results API, which stores the SUCCEEDED task's result.
 */
@Repository
public class DetectionStore {

    private final DatabaseClient db;

    public DetectionStore(DatabaseClient db) {
        this.db = db;
    }

    /** Stores (or replaces, on redelivery) an image's detections. */
    public Mono<Void> saveDetections(String tenant, UUID imageId, String backbone, int objects,
            ImageDetections result) {
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
