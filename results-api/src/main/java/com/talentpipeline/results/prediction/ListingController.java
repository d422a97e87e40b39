package com.talentpipeline.results.prediction;

import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.tenant.RequestTenant;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.core.web.Cursors;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /v1/users/{userId}/predictions}: the predictions of that user's resumes (the owner as the
 * resumes' {@code resume.submitted} events named it, see {@code ResumeOwners})
 * (career path, confidence, ATS score, recommended jobs: whatever the scoring and matching workers
 * stored in {@code summary}), one row per worker result, newest first ({@link PredictionController} serves
 * one prediction per upload and the deletes). Cursor pagination on (created_at, id); another tenant's rows
 * never appear.
 */
@RestController
public class ListingController {

    private final DatabaseClient db;

    public ListingController(DatabaseClient db) {
        this.db = db;
    }

    @GetMapping(path = "/v1/users/{userId}/predictions", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Map<String, Object>> predictions(@PathVariable String userId,
            @RequestParam(required = false) String kind, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor, ServerWebExchange exchange) {
        int size = Cursors.limit(limit, 20, 100);
        String scope = Cursors.scope(RequestTenant.of(exchange), "predictions", userId, kind);
        Cursors.Position after = Cursors.decode(cursor, scope);
        UUID afterId = after == null ? null : after.uuid();
        // The user's resumes: those whose owner (this service's projection of resume.submitted) is the user.
        StringBuilder sql = new StringBuilder("""
                SELECT p.id, p.resume_id, p.resume_version, p.kind, p.task_id, p.summary, p.created_at
                FROM predictions p
                WHERE p.tenant_id = :tenant AND p.resume_id IN (""").append(ResumeOwners.RESUMES_OF_USER)
                .append(") AND ").append(ResumeOwners.OWNER_OF_PREDICTION).append(" = :user");
        if (kind != null) {
            sql.append(" AND p.kind = :kind");
        }
        if (after != null) {
            sql.append(" AND (p.created_at, p.id) < (:created, :id)");
        }
        sql.append(" ORDER BY p.created_at DESC, p.id DESC LIMIT :limit");
        var spec = db.sql(sql.toString()).bind("tenant", RequestTenant.of(exchange)).bind("user", userId)
                .bind("limit", size + 1);
        if (kind != null) {
            spec = spec.bind("kind", kind);
        }
        if (after != null) {
            spec = spec.bind("created", after.createdAt()).bind("id", afterId);
        }
        return page(spec.map(ListingController::prediction).all().collectList(), size,
                m -> Cursors.encode(((OffsetDateTime) m.get("_created")).toInstant(), (String) m.get("id"), scope));
    }

    private static Mono<Map<String, Object>> page(Mono<List<Map<String, Object>>> rows, int size,
            Function<Map<String, Object>, String> cursorOf) {
        return rows.map(list -> {
            boolean more = list.size() > size;
            List<Map<String, Object>> items = more ? list.subList(0, size) : list;
            String next = more ? cursorOf.apply(items.get(items.size() - 1)) : null;
            items.forEach(m -> m.remove("_created"));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("items", items);
            body.put("nextCursor", next);
            return body;
        });
    }

    /** Summary field as a worker stores it -> field name in the listing. */
    private static final Map<String, String> SUMMARY_FIELDS = orderedFields(
            "career_path", "careerPath", "careerPath", "careerPath", "confidence", "confidence",
            "ats_score", "atsScore", "atsScore", "atsScore", "overall_score", "overallScore",
            "overallScore", "overallScore", "grade", "grade", "jobs", "jobs");

    private static Map<String, String> orderedFields(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    private static Map<String, Object> prediction(Readable row) {
        Map<String, Object> m = new LinkedHashMap<>();
        OffsetDateTime created = row.get("created_at", OffsetDateTime.class);
        JsonNode summary = PipelineJson.mapper().readTree(row.get("summary", Json.class).asString());
        m.put("id", String.valueOf(row.get("id", UUID.class)));
        m.put("resumeId", row.get("resume_id", String.class));
        m.put("resumeVersion", row.get("resume_version", Integer.class));
        m.put("kind", row.get("kind", String.class));
        UUID task = row.get("task_id", UUID.class);
        m.put("taskId", task == null ? null : task.toString());
        // The seed's fields, lifted from the summary when the worker stored them (workers write the
        // snake_case names of their results; either spelling is accepted).
        SUMMARY_FIELDS.forEach((stored, shown) -> {
            if (summary.has(stored) && !summary.get(stored).isNull()) {
                m.put(shown, summary.get(stored));
            }
        });
        m.put("summary", summary);
        m.put("createdAt", created.toInstant().toString());
        m.put("_created", created);
        return m;
    }
}
