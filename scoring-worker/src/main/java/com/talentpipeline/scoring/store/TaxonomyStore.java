package com.talentpipeline.scoring.store;

import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.scoring.career.CareerLabel;
import io.r2dbc.postgresql.codec.Json;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;

/** {@code career_taxonomies}: label sets a tenant stores and reuses by id. */
@Repository
public class TaxonomyStore {

    private static final TypeReference<List<CareerLabel>> LABELS = new TypeReference<>() {
    };

    private final DatabaseClient db;

    public TaxonomyStore(DatabaseClient db) {
        this.db = db;
    }

    /** A stored taxonomy. */
    public record Taxonomy(String id, String name, List<CareerLabel> labels, OffsetDateTime createdAt) {
    }

    /** Creates or replaces the tenant's taxonomy with that id. */
    public Mono<Taxonomy> save(String tenant, String id, String name, List<CareerLabel> labels) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return db.sql("""
                        INSERT INTO career_taxonomies (tenant_id, id, name, labels, created_at) VALUES (:tenant, :id, :name, :labels, :at)
                        ON CONFLICT (tenant_id, id) DO UPDATE SET name = EXCLUDED.name, labels = EXCLUDED.labels,
                            created_at = EXCLUDED.created_at""")
                .bind("tenant", tenant).bind("id", id).bind("name", name)
                .bind("labels", Json.of(PipelineJson.mapper().writeValueAsString(labels))).bind("at", now)
                .then()
                .thenReturn(new Taxonomy(id, name, labels, now));
    }

    /** The tenant's taxonomy, or empty. */
    public Mono<Taxonomy> find(String tenant, String id) {
        return db.sql("SELECT id, name, labels, created_at FROM career_taxonomies WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", tenant).bind("id", id)
                .map(row -> new Taxonomy(row.get("id", String.class), row.get("name", String.class),
                        PipelineJson.mapper().readValue(row.get("labels", Json.class).asString(), LABELS),
                        row.get("created_at", OffsetDateTime.class)))
                .one();
    }

    /** The tenant's taxonomies, newest first. */
    public Flux<Taxonomy> list(String tenant) {
        return db.sql("SELECT id, name, labels, created_at FROM career_taxonomies WHERE tenant_id = :tenant ORDER BY created_at DESC LIMIT 200")
                .bind("tenant", tenant)
                .map(row -> new Taxonomy(row.get("id", String.class), row.get("name", String.class),
                        PipelineJson.mapper().readValue(row.get("labels", Json.class).asString(), LABELS),
                        row.get("created_at", OffsetDateTime.class)))
                .all();
    }

    /** Deletes the tenant's taxonomy; emits whether it existed. */
    public Mono<Boolean> delete(String tenant, String id) {
        return db.sql("DELETE FROM career_taxonomies WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", tenant).bind("id", id)
                .fetch().rowsUpdated().map(n -> n > 0);
    }
}
