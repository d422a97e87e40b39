package com.talentpipeline.matching.store;

import com.talentpipeline.core.json.PipelineJson;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** Reads the shared {@code resumes} and {@code jobs} tables (written by ingest-api), always by tenant. */
@Repository
public class DocumentStore {

    /**
     * What counts as a resume's remote preference: a mention of remote work in its summary or in the
     * stored text of its uploaded file (PostgreSQL regular expression, case-insensitive, whole words).
     * Resumes carry no structured remote field, so this text signal is what {@code remote=} filters on.
     */
    public static final String REMOTE_PATTERN = "\\m(remote|remotely|work from home|working from home|wfh|telecommut\\w*)\\M";

    private final DatabaseClient db;

    public DocumentStore(DatabaseClient db) {
        this.db = db;
    }

    /** The tenant's resume, or empty (another tenant's id is empty too). */
    public Mono<StoredDocument> resume(String tenantId, String id) {
        return db.sql("SELECT id, tenant_id, version, content_hash, content FROM resumes WHERE id = :id AND tenant_id = :tenant")
                .bind("id", id).bind("tenant", tenantId)
                .map(row -> read(row, null))
                .one();
    }

    /** The tenant's job, or empty. */
    public Mono<StoredDocument> job(String tenantId, String id) {
        return db.sql("SELECT id, tenant_id, version, content_hash, content, status FROM jobs WHERE id = :id AND tenant_id = :tenant")
                .bind("id", id).bind("tenant", tenantId)
                .map(row -> read(row, row.get("status", String.class)))
                .one();
    }

    /** The tenant's jobs among {@code ids}. */
    public Flux<StoredDocument> jobs(String tenantId, Collection<String> ids) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("SELECT id, tenant_id, version, content_hash, content, status FROM jobs WHERE id = ANY(:ids) AND tenant_id = :tenant")
                .bind("ids", ids.toArray(String[]::new)).bind("tenant", tenantId)
                .map(row -> read(row, row.get("status", String.class)))
                .all();
    }

    /**
     * The tenant's resumes among {@code ids} (latest stored version; an erased resume has no row), with
     * the parsed location and the remote mention of {@link StoredResume}.
     */
    public Flux<StoredResume> resumes(String tenantId, Collection<String> ids) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("""
                        SELECT r.id, r.tenant_id, r.version, r.content_hash, r.content,
                               f.parse ->> 'location' AS location,
                               (coalesce(r.content ->> 'summary', '') || ' ' || coalesce(f.text, '')) ~* :remote AS remote
                        FROM resumes r LEFT JOIN resume_files f ON f.resume_id = r.id AND f.tenant_id = r.tenant_id AND f.version = r.version
                        WHERE r.id = ANY(:ids) AND r.tenant_id = :tenant""")
                .bind("ids", ids.toArray(String[]::new)).bind("tenant", tenantId).bind("remote", REMOTE_PATTERN)
                .map(row -> new StoredResume(read(row, null), row.get("location", String.class),
                        Boolean.TRUE.equals(row.get("remote", Boolean.class))))
                .all();
    }

    /** Jobs among {@code ids}, any tenant (the index loader checks the tenant of each event). */
    public Flux<StoredDocument> jobsAnyTenant(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("SELECT id, tenant_id, version, content_hash, content, status FROM jobs WHERE id = ANY(:ids)")
                .bind("ids", ids.toArray(String[]::new))
                .map(row -> read(row, row.get("status", String.class)))
                .all();
    }

    private static StoredDocument read(Readable row, String status) {
        return new StoredDocument(row.get("id", String.class), row.get("tenant_id", String.class),
                row.get("version", Integer.class), row.get("content_hash", String.class),
                skills(row.get("content", Json.class)), status);
    }

    static List<String> skills(Json content) {
        List<String> out = new ArrayList<>();
        if (content == null) {
            return out;
        }
        JsonNode node = PipelineJson.mapper().readTree(content.asString());
        for (JsonNode skill : node.path("skills")) {
            String name = skill.isString() ? skill.asString() : skill.path("name").asString("");
            if (!name.isBlank()) {
                out.add(name);
            }
        }
        return out;
    }
}
