package com.talentpipeline.results.prediction;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.tenant.RequestTenant;
import com.talentpipeline.core.web.Cursors;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
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
class ListingController {

    private final DatabaseClient db;

    public ListingController(DatabaseClient db) {
        this.db = db;
    }

    @GetMapping(path = "/v1/users/{userId}/predictions", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<UserPredictionPage> predictions(@PathVariable String userId,
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
        return spec.map(ListingController::prediction).all().collectList().map(list -> {
            boolean more = list.size() > size;
            List<Listed> items = more ? list.subList(0, size) : list;
            Listed last = items.isEmpty() ? null : items.get(items.size() - 1);
            return new UserPredictionPage(items.stream().map(Listed::prediction).toList(),
                    more ? Cursors.encode(last.created().toInstant(), last.prediction().id(), scope) : null);
        });
    }

    /**
     * A page of {@code GET /v1/users/{userId}/predictions}.
     *
     * @param items      the user's stored predictions, newest first
     * @param nextCursor the cursor of the next page; null on the last
     */
    record UserPredictionPage(List<UserPrediction> items, String nextCursor) {
    }

    /**
     * One stored prediction of a user's resume. The seeds' fields are lifted from the worker's summary when it
     * stored them (absent otherwise); {@code summary} is the whole stored row.
     */
    record UserPrediction(String id, String resumeId, Integer resumeVersion, String kind, String taskId,
            @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode careerPath,
            @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode confidence,
            @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode atsScore,
            @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode overallScore,
            @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode grade,
            @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode jobs,
            JsonNode summary, String createdAt) {
    }

    /** A listed prediction with its exact creation time, the keyset position of the next page. */
    private record Listed(UserPrediction prediction, OffsetDateTime created) {
    }

    /** The summary's field under its stored name (workers write snake_case; the older camelCase is read too). */
    private static JsonNode lifted(JsonNode summary, String snake, String camel) {
        JsonNode value = summary.has(snake) ? summary.get(snake) : summary.get(camel);
        return value == null || value.isNull() ? null : value;
    }

    private static Listed prediction(Readable row) {
        OffsetDateTime created = row.get("created_at", OffsetDateTime.class);
        JsonNode summary = PipelineJson.mapper().readTree(row.get("summary", Json.class).asString());
        UUID task = row.get("task_id", UUID.class);
        return new Listed(new UserPrediction(String.valueOf(row.get("id", UUID.class)), row.get("resume_id", String.class),
                row.get("resume_version", Integer.class), row.get("kind", String.class),
                task == null ? null : task.toString(), lifted(summary, "career_path", "careerPath"),
                lifted(summary, "confidence", "confidence"), lifted(summary, "ats_score", "atsScore"),
                lifted(summary, "overall_score", "overallScore"), lifted(summary, "grade", "grade"),
                lifted(summary, "jobs", "jobs"), summary, created.toInstant().toString()), created);
    }
}
