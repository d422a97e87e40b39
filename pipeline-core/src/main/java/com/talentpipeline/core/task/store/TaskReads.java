package com.talentpipeline.core.task.store;

import com.talentpipeline.core.json.PipelineJson;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The task kit's reads of {@code tasks} and {@code task_results}, always scoped by tenant where a client asks.
 * A service that shows tasks (the results API's {@code GET /v1/tasks}, predictions, scores, webhooks) reads them
 * here and joins its own rows by id list, never in SQL of its own.
 */
public final class TaskReads {

    private static final String COLUMNS = """
            id, tenant_id, type, state, progress, subject_id, subject_version, content_hash, created_at, started_at,
            finished_at, updated_at, model_name, model_version, model_dimension, error_code, error_message, cache_hit,
            result_link""";

    private final DatabaseClient db;

    public TaskReads(DatabaseClient db) {
        this.db = db;
    }

    /** A task of the tenant, or empty. */
    public Mono<TaskRow> find(String tenantId, UUID taskId) {
        return db.sql("SELECT " + COLUMNS + " FROM tasks WHERE id = :id AND tenant_id = :tenant")
                .bind("id", taskId)
                .bind("tenant", tenantId)
                .map(TaskReads::row)
                .one();
    }

    /** The tenant's tasks with these ids, by id (unknown ids and other tenants' tasks are left out); one query. */
    public Mono<Map<UUID, TaskRow>> findAll(String tenantId, Collection<UUID> taskIds) {
        if (taskIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("SELECT " + COLUMNS + " FROM tasks WHERE tenant_id = :tenant AND id = ANY(:ids)")
                .bind("tenant", tenantId)
                .bind("ids", taskIds.toArray(UUID[]::new))
                .map(TaskReads::row)
                .all()
                .collectMap(TaskRow::id, t -> t, HashMap::new);
    }

    /**
     * Up to {@code count} of the tenant's tasks, newest first ({@code created_at}, then id, descending), after the
     * keyset position ({@code afterCreated}, {@code afterId}) when one is given. A caller that pages reads one row
     * more than it shows to know whether there is a next page.
     *
     * @param state only tasks in this state, or null for all
     * @param type  only tasks of this type (wire name), or null for all
     */
    public Flux<TaskRow> page(String tenantId, String state, String type, OffsetDateTime afterCreated, UUID afterId,
            int count) {
        return page(tenantId, state, type, null, false, afterCreated, afterId, count);
    }

    /**
     * Like {@link #page}, only the tasks of one type that recorded the document version they are about (the
     * intake tasks of submitted documents, e.g. resume uploads), optionally only those about some subjects.
     *
     * @param subjectIds only tasks about these subjects, or null for all
     */
    public Flux<TaskRow> versionedPage(String tenantId, String type, Collection<String> subjectIds,
            OffsetDateTime afterCreated, UUID afterId, int count) {
        if (subjectIds != null && subjectIds.isEmpty()) {
            return Flux.empty();
        }
        return page(tenantId, null, type, subjectIds, true, afterCreated, afterId, count);
    }

    /**
     * The highest document version a task of this type recorded for each of these subjects (an intake writes its
     * task with the document, so this is the subject's current version); subjects without one are absent.
     */
    public Mono<Map<String, Integer>> latestVersions(String tenantId, String type, Collection<String> subjectIds) {
        if (subjectIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("""
                        SELECT subject_id, max(subject_version) AS version FROM tasks
                        WHERE tenant_id = :tenant AND type = :type AND subject_id = ANY(:subjects)
                          AND subject_version IS NOT NULL
                        GROUP BY subject_id""")
                .bind("tenant", tenantId).bind("type", type)
                .bind("subjects", subjectIds.stream().distinct().toArray(String[]::new))
                .map(row -> Map.entry(row.get("subject_id", String.class), row.get("version", Integer.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private Flux<TaskRow> page(String tenantId, String state, String type, Collection<String> subjectIds,
            boolean versioned, OffsetDateTime afterCreated, UUID afterId, int count) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM tasks WHERE tenant_id = :tenant");
        if (state != null) {
            sql.append(" AND state = :state");
        }
        if (type != null) {
            sql.append(" AND type = :type");
        }
        if (subjectIds != null) {
            sql.append(" AND subject_id = ANY(:subjects)");
        }
        if (versioned) {
            sql.append(" AND subject_version IS NOT NULL");
        }
        if (afterCreated != null) {
            sql.append(" AND (created_at, id) < (:created, :id)");
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit");
        var spec = db.sql(sql.toString()).bind("tenant", tenantId).bind("limit", count);
        if (state != null) {
            spec = spec.bind("state", state);
        }
        if (type != null) {
            spec = spec.bind("type", type);
        }
        if (subjectIds != null) {
            spec = spec.bind("subjects", subjectIds.toArray(String[]::new));
        }
        if (afterCreated != null) {
            spec = spec.bind("created", afterCreated).bind("id", afterId);
        }
        return spec.map(TaskReads::row).all();
    }

    /** The task's stored result as the worker published it, or empty (not scoped: the caller found the task first). */
    public Mono<JsonNode> result(UUID taskId) {
        return db.sql("SELECT result FROM task_results WHERE task_id = :id")
                .bind("id", taskId)
                .map(row -> json(row.get("result", Json.class)))
                .one();
    }

    /**
     * The newest stored result of a type about a subject of the tenant: highest document version first (the
     * result's {@code version}), newest within it, so a late result of an old version never replaces the result
     * of a newer one. Empty when there is none.
     */
    public Mono<JsonNode> latestResult(String tenantId, String subjectId, String type) {
        return db.sql("""
                        SELECT result FROM task_results
                        WHERE subject_id = :subject AND type = :type AND tenant_id = :tenant
                        ORDER BY COALESCE((result->>'version')::int, 0) DESC, created_at DESC LIMIT 1""")
                .bind("subject", subjectId)
                .bind("type", type)
                .bind("tenant", tenantId)
                .map(row -> json(row.get("result", Json.class)))
                .one();
    }

    /**
     * The newest task of a type about a subject of the tenant, with its result once it SUCCEEDED, or empty when
     * there is none (e.g. an image's {@code image.detection} task, whose subject is the image id).
     */
    public Mono<SubjectTask> latestTask(String tenantId, String subjectId, String type) {
        return db.sql("""
                        SELECT t.id, t.state, r.result
                        FROM tasks t
                        LEFT JOIN task_results r ON r.task_id = t.id
                        WHERE t.subject_id = :subject AND t.tenant_id = :tenant AND t.type = :type
                        ORDER BY t.created_at DESC LIMIT 1""")
                .bind("subject", subjectId).bind("tenant", tenantId).bind("type", type)
                .map(row -> new SubjectTask(row.get("id", UUID.class), row.get("state", String.class),
                        json(row.get("result", Json.class))))
                .one();
    }

    /**
     * The newest result of a SUCCEEDED task of {@code type} about a subject of the tenant (highest document
     * version, newest within it) and whether the subject is known at all: it is when the tenant has a task of one
     * of {@code knownBy} about it (e.g. a resume's intake task or a score task; an erasure removes them). One
     * round trip; always emits.
     */
    public Mono<SubjectResult> latestSucceeded(String tenantId, String subjectId, String type,
            Collection<String> knownBy) {
        return db.sql("""
                        SELECT EXISTS (SELECT 1 FROM tasks t WHERE t.tenant_id = :tenant AND t.subject_id = :subject
                                         AND t.type = ANY(:known)) AS known,
                               r.task_id, r.result
                        FROM (SELECT 1) q
                        LEFT JOIN LATERAL (
                            SELECT tr.task_id, tr.result FROM task_results tr
                            JOIN tasks t ON t.id = tr.task_id AND t.state = 'SUCCEEDED'
                            WHERE tr.subject_id = :subject AND tr.type = :type AND tr.tenant_id = :tenant
                            ORDER BY COALESCE((tr.result->>'version')::int, 0) DESC, tr.created_at DESC LIMIT 1) r ON true""")
                .bind("subject", subjectId)
                .bind("tenant", tenantId)
                .bind("type", type)
                .bind("known", knownBy.toArray(String[]::new))
                .map(row -> new SubjectResult(Boolean.TRUE.equals(row.get("known", Boolean.class)),
                        row.get("task_id", UUID.class), json(row.get("result", Json.class))))
                .one();
    }

    /** A task's callback URL (given at submission), or empty when it has none or is not the tenant's. */
    public Mono<String> callbackUrl(String tenantId, UUID taskId) {
        return db.sql("SELECT callback_url FROM tasks WHERE id = :id AND tenant_id = :tenant AND callback_url IS NOT NULL")
                .bind("id", taskId).bind("tenant", tenantId)
                .map(row -> row.get("callback_url", String.class)).one();
    }

    /** How many tasks are in each state, by type, over all tenants (for gauges). */
    public Flux<StateCount> countByTypeAndState() {
        return db.sql("SELECT type, state, count(*) AS n FROM tasks GROUP BY type, state")
                .map(row -> new StateCount(row.get("type", String.class), row.get("state", String.class),
                        Optional.ofNullable(row.get("n", Long.class)).orElse(0L)))
                .all();
    }

    /**
     * A subject's newest task of one type.
     *
     * @param taskId the task
     * @param state  its state's name
     * @param result the result document, null until the task SUCCEEDED
     */
    public record SubjectTask(UUID taskId, String state, JsonNode result) {
    }

    /**
     * A subject's newest successful result of one type.
     *
     * @param subjectKnown whether the tenant has a task about the subject
     * @param taskId       the task that produced the result, null when none succeeded yet
     * @param result       the result, null when none yet
     */
    public record SubjectResult(boolean subjectKnown, UUID taskId, JsonNode result) {
    }

    /**
     * The number of tasks of one type in one state.
     *
     * @param type  the type's wire name
     * @param state the state's name
     * @param count how many
     */
    public record StateCount(String type, String state, long count) {
    }

    static TaskRow row(Readable row) {
        return new TaskRow(
                row.get("id", UUID.class),
                row.get("tenant_id", String.class),
                row.get("type", String.class),
                row.get("state", String.class),
                Optional.ofNullable(row.get("progress", Integer.class)).orElse(0),
                row.get("subject_id", String.class),
                row.get("subject_version", Integer.class),
                row.get("content_hash", String.class),
                row.get("created_at", OffsetDateTime.class),
                row.get("started_at", OffsetDateTime.class),
                row.get("finished_at", OffsetDateTime.class),
                row.get("updated_at", OffsetDateTime.class),
                row.get("model_name", String.class),
                row.get("model_version", String.class),
                row.get("model_dimension", Integer.class),
                row.get("error_code", String.class),
                row.get("error_message", String.class),
                row.get("cache_hit", Boolean.class),
                row.get("result_link", String.class));
    }

    private static JsonNode json(Json json) {
        return json == null ? null : PipelineJson.mapper().readTree(json.asString());
    }
}
