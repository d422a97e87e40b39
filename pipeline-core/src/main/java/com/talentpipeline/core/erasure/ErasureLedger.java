package com.talentpipeline.core.erasure;

import com.talentpipeline.core.json.PipelineJson;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;

/**
 * The kit's tables of open erasure tasks: {@code erasure_tasks} (the plan of each task still waiting)
 * and {@code erasure_reports} (one row per participant and resume). The ingest API opens a task and
 * records its own reports; the results API records the others, tallies and closes the task. Ids and
 * counts only, no personal data.
 */
public class ErasureLedger {

    private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() {
    };

    private final DatabaseClient db;

    public ErasureLedger(DatabaseClient db) {
        this.db = db;
    }

    /**
     * An open erasure task.
     *
     * @param taskId   the task
     * @param tenantId its tenant
     * @param plan     what it waits for
     * @param openedAt when it was opened (the deadline counts from here)
     */
    public record Open(UUID taskId, String tenantId, ErasurePlan plan, Instant openedAt) {
    }

    /** Opens the task's plan (in the caller's transaction, with the task row). */
    public Mono<Void> open(UUID taskId, String tenantId, ErasurePlan plan, Instant at) {
        return db.sql("""
                        INSERT INTO erasure_tasks (task_id, tenant_id, plan, created_at) VALUES (:id, :tenant, CAST(:plan AS jsonb), :at)""")
                .bind("id", taskId).bind("tenant", tenantId)
                .bind("plan", PipelineJson.mapper().writeValueAsString(plan))
                .bind("at", utc(at))
                .then();
    }

    /**
     * Records a report. A second report of the same participant on the same resume (a re-delivered
     * event, which finds nothing left and reports zeros) is ignored: the first one's counts stay.
     * Emits true when the report was new.
     */
    public Mono<Boolean> record(UUID taskId, ErasureReport report, Instant at) {
        return db.sql("""
                        INSERT INTO erasure_reports (task_id, participant, subject_id, counts, reported_at)
                        VALUES (:id, :participant, :subject, CAST(:counts AS jsonb), :at)
                        ON CONFLICT (task_id, participant, subject_id) DO NOTHING""")
                .bind("id", taskId).bind("participant", report.participant()).bind("subject", report.subject())
                .bind("counts", PipelineJson.mapper().writeValueAsString(report.counts()))
                .bind("at", utc(at))
                .fetch().rowsUpdated()
                .map(n -> n > 0);
    }

    /** The open task, or empty when it is closed (or was never opened). */
    public Mono<Open> find(UUID taskId) {
        return db.sql("SELECT task_id, tenant_id, plan::text AS plan, created_at FROM erasure_tasks WHERE task_id = :id")
                .bind("id", taskId)
                .map(row -> new Open(row.get("task_id", UUID.class), row.get("tenant_id", String.class),
                        PipelineJson.mapper().readValue(row.get("plan", String.class), ErasurePlan.class),
                        row.get("created_at", OffsetDateTime.class).toInstant()))
                .one();
    }

    /** The reports recorded for the task. */
    public Flux<ErasureReport> reports(UUID taskId) {
        return db.sql("SELECT participant, subject_id, counts::text AS counts FROM erasure_reports WHERE task_id = :id")
                .bind("id", taskId)
                .map(row -> new ErasureReport(row.get("participant", String.class), row.get("subject_id", String.class),
                        PipelineJson.mapper().readValue(row.get("counts", String.class), COUNTS)))
                .all();
    }

    /** The ids of every open task, oldest first. */
    public Flux<UUID> openTasks() {
        return db.sql("SELECT task_id FROM erasure_tasks ORDER BY created_at")
                .map(row -> row.get("task_id", UUID.class))
                .all();
    }

    /** Closes the task: its plan and reports go (the task's result keeps the tally). */
    public Mono<Void> close(UUID taskId) {
        return db.sql("DELETE FROM erasure_reports WHERE task_id = :id").bind("id", taskId).then()
                .then(db.sql("DELETE FROM erasure_tasks WHERE task_id = :id").bind("id", taskId).then());
    }

    /**
     * Drops reports of tasks that are not open and were recorded before {@code before}: late duplicates
     * of a closed task, or reports of an erasure that was refused (503) after some events went out.
     * Emits how many went.
     */
    public Mono<Long> dropOrphans(Instant before) {
        return db.sql("""
                        DELETE FROM erasure_reports r WHERE r.reported_at < :before
                        AND NOT EXISTS (SELECT 1 FROM erasure_tasks t WHERE t.task_id = r.task_id)""")
                .bind("before", utc(before))
                .fetch().rowsUpdated();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
