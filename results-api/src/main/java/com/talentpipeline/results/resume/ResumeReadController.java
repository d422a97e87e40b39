package com.talentpipeline.results.resume;

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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /v1/resumes/{id}}: the current version's structured resume and, for uploaded files, the
 * parse report (warnings, provenance) and the start of the extracted text. Served here, not by ingest,
 * because the results API owns reads; ingest only writes the rows. The file bytes are never served.
 */
@RestController
public class ResumeReadController {

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
