package com.talentpipeline.core.task.store;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Erases a subject's rows of the task kit. Each method runs in the caller's transaction: the erasure participant
 * takes the subject's {@link com.talentpipeline.core.erasure.SubjectLock} first and deletes its own rows in the
 * same transaction, so the counts it reports and the rows that went agree.
 */
public final class TaskErasure {

    private final DatabaseClient db;

    public TaskErasure(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Deletes the subject's tasks and their results, except erasure tasks (the record of the erasure itself).
     * Emits the rows removed per table, {@code task_results} then {@code tasks}: results are deleted and counted
     * first, as they would otherwise go uncounted with their task ({@code ON DELETE CASCADE}).
     */
    public Mono<Map<String, Long>> eraseSubject(String tenantId, String subjectId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        return count(counts, "task_results",
                "DELETE FROM task_results WHERE subject_id = :id AND tenant_id = :tenant AND type <> 'erasure'",
                tenantId, subjectId)
                .then(count(counts, "tasks",
                        "DELETE FROM tasks WHERE subject_id = :id AND tenant_id = :tenant AND type <> 'erasure'",
                        tenantId, subjectId))
                .then(Mono.fromSupplier(() -> counts));
    }

    /** Deletes the idempotency keys of submissions about the subject; emits how many went. */
    public Mono<Long> eraseIdempotencyKeys(String tenantId, String subjectId) {
        return db.sql("DELETE FROM idempotency_keys WHERE subject_id = :id AND tenant_id = :tenant")
                .bind("id", subjectId).bind("tenant", tenantId).fetch().rowsUpdated();
    }

    private Mono<Void> count(Map<String, Long> counts, String table, String sql, String tenant, String id) {
        return db.sql(sql).bind("id", id).bind("tenant", tenant).fetch().rowsUpdated()
                .doOnNext(n -> counts.merge(table, n, Long::sum))
                .then();
    }
}
