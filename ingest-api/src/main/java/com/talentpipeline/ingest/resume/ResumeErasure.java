package com.talentpipeline.ingest.resume;

import com.talentpipeline.core.cache.ResultCache;
import com.talentpipeline.core.door.DoorEntries;
import com.talentpipeline.core.erasure.SubjectLock;
import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.resume.Resume;
import com.talentpipeline.core.resume.ResumeUpdated;
import com.talentpipeline.core.task.TaskState;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.topic.ReactiveSends;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.ingest.config.IngestProperties;
import io.r2dbc.postgresql.codec.Json;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Erases a resume, or every resume of a user, as an {@code erasure} task whose result lists what was
 * removed. Per resume: first a tombstone (null value) keyed by the id on the compacted
 * {@code resume.embedded}, acknowledged by Kafka, so compaction drops its embeddings; a
 * {@code resume.updated} event with source {@code deleted} carrying the last stored content, from which
 * the embedding worker derives and evicts its Redis cache key (the key holds the worker's model
 * version, which only the worker knows) and the RAG worker drops its index; the result-cache keys
 * indexed under the resume are evicted here too. Then, in one transaction: an {@code erased_subjects}
 * row (so a late worker event does not re-create a task), the resume's tasks and results (idempotency
 * keys cascade), predictions, resume scores, RAG rows, webhook deliveries about it, its file and the resume row; and
 * the erasure task itself, SUCCEEDED, with the report as its result. Events first: if Kafka is away the
 * client gets 503 and nothing is half-erased; a retried DELETE writes another tombstone, harmlessly.
 * The erasure runs within the request (it is quick); the task is the durable record of it.
 */
@Service
public class ResumeErasure {

    private static final Logger log = LoggerFactory.getLogger(ResumeErasure.class);

    /** Result-cache kinds whose entries can be indexed under a resume id. */
    private static final List<String> CACHE_KINDS = List.of("resume-embedding", "resume-score", "comparison",
            DoorEntries.EMBEDDING_KIND, DoorEntries.SCORE_KIND);

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final KafkaTemplate<String, byte[]> kafka;
    private final IngestProperties properties;
    private final ObjectProvider<ResultCache> cache;

    public ResumeErasure(DatabaseClient db, TransactionalOperator tx, KafkaTemplate<String, byte[]> kafka,
            IngestProperties properties, ObjectProvider<ResultCache> cache) {
        this.db = db;
        this.tx = tx;
        this.kafka = kafka;
        this.properties = properties;
        this.cache = cache;
    }

    /**
     * The erasure task.
     *
     * @param taskId the task id
     * @param report what was removed (also the task's result)
     */
    public record Erased(UUID taskId, Map<String, Object> report) {
    }

    /** Erases the resume; 404 when the tenant has no resume with this id. */
    public Mono<Erased> erase(String tenantId, String resumeId) {
        return stored(tenantId, "id = :key", resumeId)
                .collectList()
                .flatMap(found -> found.isEmpty() ? Mono.error(ApiProblemException.notFound("Resume", resumeId))
                        : eraseAll(tenantId, resumeId, found));
    }

    /** Erases every resume of the user; 404 when the tenant has none for this user. */
    public Mono<Erased> eraseUser(String tenantId, String userId) {
        return stored(tenantId, "user_id = :key", userId)
                .collectList()
                .flatMap(found -> found.isEmpty() ? Mono.error(ApiProblemException.notFound("User", userId))
                        : eraseAll(tenantId, "user:" + userId, found));
    }

    private Flux<Stored> stored(String tenantId, String condition, String key) {
        return db.sql("SELECT id, version, content, content_hash FROM resumes WHERE tenant_id = :tenant AND "
                        + condition + " ORDER BY created_at")
                .bind("key", key).bind("tenant", tenantId)
                .map(row -> new Stored(row.get("id", String.class), row.get("version", Integer.class),
                        row.get("content", Json.class).asString(), row.get("content_hash", String.class)))
                .all();
    }

    private Mono<Erased> eraseAll(String tenantId, String subject, List<Stored> resumes) {
        List<String> tombstones = new ArrayList<>();
        AtomicLong evicted = new AtomicLong();
        Map<String, Long> rows = new ConcurrentHashMap<>();
        Mono<Void> events = Flux.fromIterable(resumes)
                .concatMap(last -> send(last.id(), new ProducerRecord<>(Topics.RESUME_EMBEDDED.name(), last.id(), null))
                        .then(Mono.fromRunnable(() -> tombstones.add(Topics.RESUME_EMBEDDED.name() + ":" + last.id())))
                        .then(send(last.id(), erased(tenantId, last))))
                .then();
        Mono<Void> caches = Flux.fromIterable(resumes)
                .concatMap(last -> evict(last.id()))
                .doOnNext(evicted::addAndGet)
                .then();
        // Workers drop their own rows of the resume when the "deleted" event reaches them, which may be
        // before this transaction runs: count those rows first, so the report lists what the erasure
        // removed, whoever deleted it.
        Map<String, Long> existing = new ConcurrentHashMap<>();
        Mono<Void> counted = Flux.fromIterable(resumes)
                .concatMap(last -> countWorkerRows(tenantId, last.id(), existing))
                .then();
        UUID taskId = UUID.randomUUID();
        return counted
                .then(events)
                .then(caches)
                .then(Mono.defer(() -> tx.transactional(Flux.fromIterable(resumes)
                        .concatMap(last -> deleteRows(tenantId, last.id(), rows))
                        .then(Mono.defer(() -> {
                            existing.forEach((table, n) -> rows.merge(table, n, Math::max));
                            return recordTask(tenantId, subject, taskId,
                                    report(resumes, rows, tombstones, evicted.get()));
                        })))))
                .map(report -> new Erased(taskId, report));
    }

    private Mono<Long> evict(String resumeId) {
        ResultCache results = cache.getIfAvailable();
        if (results == null) {
            return Mono.just(0L);
        }
        return Flux.fromIterable(CACHE_KINDS).concatMap(kind -> results.evictSubject(kind, resumeId))
                .reduce(0L, Long::sum);
    }

    private static Map<String, Object> report(List<Stored> resumes, Map<String, Long> rows, List<String> tombstones,
            long evicted) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("resumes", resumes.stream().map(Stored::id).toList());
        Map<String, Long> sorted = new java.util.TreeMap<>(rows);
        report.put("rows", sorted);
        report.put("files", sorted.getOrDefault("resume_files", 0L));
        report.put("cacheKeysEvicted", evicted);
        report.put("tombstones", tombstones);
        report.put("events", resumes.stream().map(r -> Topics.RESUME_UPDATED.name() + ":" + r.id() + ":deleted").toList());
        return report;
    }

    /** The {@code resume.updated} event of the erasure, with the last stored content. */
    private static ProducerRecord<String, byte[]> erased(String tenantId, Stored last) {
        Resume resume = PipelineJson.mapper().readValue(last.content(), Resume.class);
        var envelope = EventEnvelope.of(Topics.RESUME_UPDATED.name(), UUID.randomUUID(), tenantId, last.id(),
                last.contentHash(), null, new ResumeUpdated(last.id(), last.version(), ResumeUpdated.DELETED, resume));
        return new ProducerRecord<>(Topics.RESUME_UPDATED.name(), last.id(), Topics.RESUME_UPDATED.encode(envelope));
    }

    private Mono<Void> send(String resumeId, ProducerRecord<String, byte[]> record) {
        return ReactiveSends.acknowledged(kafka, record)
                .timeout(properties.ackTimeout())
                .onErrorMap(e -> {
                    log.warn("erasure event for resume {} not acknowledged: {} (cause: {})", resumeId, e.toString(),
                            String.valueOf(e.getCause()));
                    return ApiProblemException.unavailable(
                            "The event broker did not acknowledge the erasure; nothing was erased. Retry later.",
                            properties.retryAfter());
                })
                .then();
    }

    private Mono<Void> deleteRows(String tenantId, String resumeId, Map<String, Long> rows) {
        Mono<Void> erased = db.sql("""
                        INSERT INTO erased_subjects (tenant_id, subject_id, erased_at) VALUES (:tenant, :id, :now)
                        ON CONFLICT DO NOTHING""")
                .bind("id", resumeId).bind("tenant", tenantId).bind("now", OffsetDateTime.now(ZoneOffset.UTC)).then();
        return SubjectLock.acquire(db, tenantId, resumeId)
                .then(erased)
                .then(count(rows, "task_results", "DELETE FROM task_results WHERE subject_id = :id AND tenant_id = :tenant",
                        tenantId, resumeId))
                .then(count(rows, "idempotency_keys",
                        "DELETE FROM idempotency_keys WHERE subject_id = :id AND tenant_id = :tenant", tenantId, resumeId))
                .then(count(rows, "tasks", "DELETE FROM tasks WHERE subject_id = :id AND tenant_id = :tenant",
                        tenantId, resumeId))
                .then(count(rows, "predictions", "DELETE FROM predictions WHERE resume_id = :id AND tenant_id = :tenant",
                        tenantId, resumeId))
                // The scoring worker also drops these on the resume.updated "deleted" event; erasing here
                // makes the report complete even while that worker is down.
                .then(count(rows, "resume_scores", "DELETE FROM resume_scores WHERE resume_id = :id AND tenant_id = :tenant",
                        tenantId, resumeId))
                // RAG rows: the resume id is global and was just found in this tenant's resumes.
                .then(count(rows, "rag_chunks", "DELETE FROM rag_chunks WHERE resume_id = :id",
                        tenantId, resumeId))
                .then(count(rows, "rag_documents", "DELETE FROM rag_documents WHERE resume_id = :id AND tenant_id = :tenant",
                        tenantId, resumeId))
                .then(count(rows, "rag_query_stats", "DELETE FROM rag_query_stats WHERE resume_id = :id",
                        tenantId, resumeId))
                .then(count(rows, "webhook_deliveries",
                        "DELETE FROM webhook_deliveries WHERE subject_id = :id AND tenant_id = :tenant", tenantId, resumeId))
                .then(count(rows, "resume_files", "DELETE FROM resume_files WHERE resume_id = :id AND tenant_id = :tenant",
                        tenantId, resumeId))
                .then(count(rows, "resumes", "DELETE FROM resumes WHERE id = :id AND tenant_id = :tenant",
                        tenantId, resumeId));
    }

    /** Rows of the tables that workers also clean up on the "deleted" event, as they are before it. */
    private Mono<Void> countWorkerRows(String tenantId, String resumeId, Map<String, Long> existing) {
        return Flux.just(
                        new String[] {"predictions", "SELECT count(*) FROM predictions WHERE resume_id = :id AND tenant_id = :tenant"},
                        new String[] {"resume_scores", "SELECT count(*) FROM resume_scores WHERE resume_id = :id AND tenant_id = :tenant"},
                        new String[] {"rag_documents", "SELECT count(*) FROM rag_documents WHERE resume_id = :id AND tenant_id = :tenant"},
                        // The RAG tables below have no tenant column; the id was just found in this tenant's resumes.
                        new String[] {"rag_chunks", "SELECT count(*) FROM rag_chunks WHERE resume_id = :id"},
                        new String[] {"rag_query_stats", "SELECT count(*) FROM rag_query_stats WHERE resume_id = :id"})
                .concatMap(query -> {
                    var spec = db.sql(query[1]).bind("id", resumeId);
                    if (query[1].contains(":tenant")) {
                        spec = spec.bind("tenant", tenantId);
                    }
                    return spec.map(row -> row.get(0, Long.class)).one()
                            .doOnNext(n -> existing.merge(query[0], n, Long::sum));
                })
                .then();
    }

    private Mono<Void> count(Map<String, Long> rows, String table, String sql, String tenantId, String resumeId) {
        var spec = db.sql(sql).bind("id", resumeId);
        if (sql.contains(":tenant")) {
            spec = spec.bind("tenant", tenantId);
        }
        return spec.fetch().rowsUpdated()
                .doOnNext(n -> rows.merge(table, n, Long::sum))
                .then();
    }

    private Mono<Map<String, Object>> recordTask(String tenantId, String subject, UUID taskId,
            Map<String, Object> report) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String link = "/v1/tasks/" + taskId;
        return db.sql("""
                        INSERT INTO tasks (id, tenant_id, type, state, subject_id, progress, result_link,
                                           created_at, started_at, finished_at, updated_at)
                        VALUES (:id, :tenant, :type, :state, :subject, 100, :link, :now, :now, :now, :now)""")
                .bind("id", taskId).bind("tenant", tenantId).bind("type", TaskType.ERASURE.wireName())
                .bind("state", TaskState.SUCCEEDED.name()).bind("subject", subject).bind("link", link)
                .bind("now", now)
                .then()
                .then(db.sql("""
                                INSERT INTO task_results (task_id, tenant_id, subject_id, type, result, created_at)
                                VALUES (:id, :tenant, :subject, :type, :result, :now)""")
                        .bind("id", taskId).bind("tenant", tenantId).bind("subject", subject)
                        .bind("type", TaskType.ERASURE.wireName())
                        .bind("result", Json.of(PipelineJson.mapper().writeValueAsString(report)))
                        .bind("now", now)
                        .then())
                .thenReturn(report);
    }

    private record Stored(String id, int version, String content, String contentHash) {
    }
}
