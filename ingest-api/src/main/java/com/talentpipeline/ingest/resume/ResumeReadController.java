package com.talentpipeline.ingest.resume;

import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.tenant.RequestTenant;
import com.talentpipeline.core.web.ApiProblemException;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import com.talentpipeline.core.web.Cursors;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Reads of the resumes this service owns ({@code resumes}, {@code resume_files}): {@code GET /v1/resumes/{id}},
 * the current version's structured resume and, for uploaded files, the parse report (warnings, provenance)
 * and the start of the extracted text (the file bytes are never served); {@code GET /v1/resumes}, the
 * tenant's listing. Served by the table's owner (moved from the results API, which read ingest's tables):
 * at the front door {@code /v1/resumes/**} is one service for every method.
 */
@RestController
class ResumeReadController {

    private final DatabaseClient db;

    public ResumeReadController(DatabaseClient db) {
        this.db = db;
    }

    @GetMapping(path = "/v1/resumes/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResumeView> get(@PathVariable String id, ServerWebExchange exchange) {
        // The file row counts only when it belongs to the current version (a JSON PUT removes it anyway).
        return db.sql("""
                        SELECT r.id, r.version, r.content, r.updated_at, f.media_type, f.sha256, f.size_bytes,
                               f.user_id, f.text, f.text_length, f.parse, f.file_name
                        FROM resumes r
                        LEFT JOIN resume_files f ON f.resume_id = r.id AND f.version = r.version
                        WHERE r.id = :id AND r.tenant_id = :tenant""")
                .bind("id", id)
                .bind("tenant", RequestTenant.of(exchange))
                .map(ResumeReadController::view)
                .one()
                .switchIfEmpty(Mono.error(() -> ApiProblemException.notFound("Resume", id)));
    }

    /**
     * {@code GET /v1/resumes?userId=&limit=&cursor=}: the tenant's resumes (ids, versions, owner, times; no
     * content), newest first, cursor pagination on (created_at, id).
     */
    @GetMapping(path = "/v1/resumes", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResumePage> list(@RequestParam(required = false) String userId,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
            ServerWebExchange exchange) {
        int size = Cursors.limit(limit, 20, 100);
        String tenant = RequestTenant.of(exchange);
        String scope = Cursors.scope(tenant, "resumes", userId);
        Cursors.Position after = Cursors.decode(cursor, scope);
        StringBuilder sql = new StringBuilder(
                "SELECT id, version, user_id, created_at, updated_at FROM resumes WHERE tenant_id = :tenant");
        if (userId != null) {
            sql.append(" AND user_id = :user");
        }
        if (after != null) {
            sql.append(" AND (created_at, id) < (:created, :id)");
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit");
        var spec = db.sql(sql.toString()).bind("tenant", tenant).bind("limit", size + 1);
        if (userId != null) {
            spec = spec.bind("user", userId);
        }
        if (after != null) {
            spec = spec.bind("created", after.createdAt()).bind("id", after.id());
        }
        return spec.map(row -> new Listed(new ResumeSummary(row.get("id", String.class), row.get("version", Integer.class),
                        row.get("user_id", String.class), row.get("created_at", OffsetDateTime.class).toInstant(),
                        row.get("updated_at", OffsetDateTime.class).toInstant()),
                        row.get("created_at", OffsetDateTime.class)))
                .all().collectList()
                .map(rows -> {
                    boolean more = rows.size() > size;
                    List<Listed> page = more ? rows.subList(0, size) : rows;
                    String next = more ? Cursors.encode(page.get(page.size() - 1).created().toInstant(),
                            page.get(page.size() - 1).summary().id(), scope) : null;
                    return new ResumePage(page.stream().map(Listed::summary).toList(), next);
                });
    }

    private record Listed(ResumeSummary summary, OffsetDateTime created) {
    }

    /**
     * One resume in the listing.
     *
     * @param id        the resume
     * @param version   its current version
     * @param userId    the uploader's user id, if given
     * @param createdAt first version's time
     * @param updatedAt current version's time
     */
    public record ResumeSummary(String id, int version, String userId, java.time.Instant createdAt,
            java.time.Instant updatedAt) {
    }

    /**
     * A page of the listing.
     *
     * @param items      newest first
     * @param nextCursor the next page's cursor, null on the last page
     */
    public record ResumePage(List<ResumeSummary> items, String nextCursor) {
    }

    private static ResumeView view(Readable row) {
        JsonNode content = json(row.get("content", Json.class));
        String mediaType = row.get("media_type", String.class);
        OffsetDateTime updated = row.get("updated_at", OffsetDateTime.class);
        if (mediaType == null) {
            return new ResumeView(row.get("id", String.class), row.get("version", Integer.class), "json", content,
                    null, List.of(), null, null, null, updated == null ? null : updated.toInstant());
        }
        String text = row.get("text", String.class);
        int length = row.get("text_length", Integer.class);
        JsonNode parse = json(row.get("parse", Json.class));
        List<String> warnings = new ArrayList<>();
        parse.path("warnings").forEach(w -> warnings.add(w.asString()));
        var file = new ResumeView.FileView(mediaType, row.get("sha256", String.class),
                row.get("size_bytes", Integer.class), row.get("user_id", String.class), text, length,
                text.length() < length, row.get("file_name", String.class), parse.get("ocr"));
        return new ResumeView(row.get("id", String.class), row.get("version", Integer.class), "file", content, file,
                warnings, parse.get("provenance"), parse.get("links"), parse.get("undatedRoles"),
                updated == null ? null : updated.toInstant());
    }

    private static JsonNode json(Json value) {
        return PipelineJson.mapper().readTree(value.asString());
    }
}
