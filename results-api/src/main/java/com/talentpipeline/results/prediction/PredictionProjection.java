package com.talentpipeline.results.prediction;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.task.TaskEvent;
import com.talentpipeline.core.task.TaskState;
import io.r2dbc.postgresql.codec.Json;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Writes the {@code predictions} rows (this service's table) from the workers' results as they arrive on
 * {@code task.events}: a SUCCEEDED {@code resume.score} task gives the {@code resume_score} and
 * {@code career_path} rows of its resume version, a SUCCEEDED {@code recommendations} task the
 * {@code recommendations} row. The workers used to write these rows themselves; now only the owner does.
 * Called in the transaction that records the task's state and result, so a reader that sees the task
 * SUCCEEDED finds its rows. One row per (tenant, resume, version, kind): a redelivered result rewrites it.
 * The summaries hold derived values only, never resume text or contact details.
 */
@Component
public class PredictionProjection {

    private final DatabaseClient db;

    public PredictionProjection(DatabaseClient db) {
        this.db = db;
    }

    /** One row to write: the kind, the resume version it is about, and its summary. */
    record Row(String kind, int version, Map<String, Object> summary) {
    }

    /** Upserts the rows the event's result gives (none for other task types or states). */
    public Mono<Void> record(EventEnvelope<TaskEvent> envelope) {
        List<Row> rows = rows(envelope.payload());
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
        return Flux.fromIterable(rows).concatMap(row -> upsert(envelope, row, at)).then();
    }

    /** The rows a task event gives: none unless it is a SUCCEEDED score or recommendations result. */
    static List<Row> rows(TaskEvent event) {
        JsonNode result = event.result();
        if (event.state() != TaskState.SUCCEEDED || result == null || !result.isObject()) {
            return List.of();
        }
        return switch (event.type()) {
            case RESUME_SCORE -> scoreRows(result);
            case RECOMMENDATIONS -> recommendationRows(result);
            default -> List.of();
        };
    }

    // The score as the scoring worker publishes it (ResumeScore: snake_case keys).
    private static List<Row> scoreRows(JsonNode score) {
        if (!score.path("version").isInt()) {
            return List.of();
        }
        int version = score.path("version").asInt();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("overall_score", score.path("overall_score").asInt());
        summary.put("grade", score.path("grade").asString(null));
        summary.put("ats_score", score.path("ats_score").asInt());
        List<Map<String, Object>> top = new ArrayList<>();
        for (JsonNode path : score.path("career_paths")) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("career_path", path.path("career_path").asString(null));
            p.put("confidence", path.path("confidence").asDouble());
            top.add(p);
        }
        Map<String, Object> career = new LinkedHashMap<>();
        career.put("career_path", top.isEmpty() ? null : top.get(0).get("career_path"));
        career.put("confidence", top.isEmpty() ? 0 : top.get(0).get("confidence"));
        career.put("top", top);
        return List.of(new Row("resume_score", version, summary), new Row("career_path", version, career));
    }

    // The recommendations as the matching worker publishes them ({resumeId, resumeVersion, recommendations}).
    private static List<Row> recommendationRows(JsonNode result) {
        if (!result.path("resumeVersion").isInt()) {
            return List.of();
        }
        List<Map<String, Object>> jobs = new ArrayList<>();
        for (JsonNode match : result.path("recommendations")) {
            Map<String, Object> job = new LinkedHashMap<>();
            job.put("jobId", match.path("job_id").asString(null));
            job.put("title", match.path("job_title").asString(null));
            job.put("match_percentage", match.path("match_percentage").asDouble());
            jobs.add(job);
        }
        return List.of(new Row("recommendations", result.path("resumeVersion").asInt(), Map.of("jobs", jobs)));
    }

    /**
     * The same id for the same (kind, tenant, resume, version) however often the result arrives; the
     * seeds the workers used when they wrote the rows, so ids of new rows look like the old ones.
     */
    static UUID id(String kind, String tenant, String resumeId, int version) {
        String seed = "recommendations".equals(kind) ? tenant + "|" + resumeId + "|" + version + "|" + kind
                : kind + ":" + tenant + ":" + resumeId + ":" + version;
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
    }

    private Mono<Void> upsert(EventEnvelope<TaskEvent> envelope, Row row, OffsetDateTime at) {
        String tenant = envelope.tenantId();
        String resumeId = envelope.subjectId();
        UUID id = id(row.kind(), tenant, resumeId, row.version());
        return db.sql("""
                        INSERT INTO predictions (id, tenant_id, resume_id, resume_version, kind, task_id, summary, created_at)
                        VALUES (:pid, :tenant, :resume, :version, :kind, :task, :summary, :at)
                        ON CONFLICT (tenant_id, resume_id, resume_version, kind) DO UPDATE SET task_id = EXCLUDED.task_id,
                            summary = EXCLUDED.summary, created_at = EXCLUDED.created_at""")
                .bind("pid", id).bind("tenant", tenant).bind("resume", resumeId).bind("version", row.version())
                .bind("kind", row.kind()).bind("task", envelope.taskId())
                .bind("summary", Json.of(PipelineJson.mapper().writeValueAsString(row.summary())))
                .bind("at", at)
                .then();
    }
}
