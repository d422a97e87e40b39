package com.talentpipeline.ingest.resume;

import com.talentpipeline.core.task.intake.TaskRows;
import com.talentpipeline.core.erasure.ErasedResume;
import com.talentpipeline.core.erasure.ErasedSubjects;
import com.talentpipeline.core.erasure.ErasureLedger;
import com.talentpipeline.core.erasure.ErasurePlan;
import com.talentpipeline.core.erasure.ErasureProperties;
import com.talentpipeline.core.erasure.ErasureReport;
import com.talentpipeline.core.erasure.ErasureReporter;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Starts the erasure of a resume, or of every resume of a user, as an {@code erasure} task (see the
 * erasure kit, {@code com.talentpipeline.core.erasure}). In order:
 * <ol>
 * <li>the tombstones ({@code erased_subjects}), committed first: from then on no worker can store a row
 *     about the resume, so nothing a participant deletes comes back;</li>
 * <li>per resume, a compaction tombstone on {@code resume.embedded} and a {@code resume.updated} event
 *     with source {@code deleted}, carrying the task id and the last stored content (the workers derive
 *     their cache keys from it), both acknowledged by Kafka. If Kafka is away the tombstones are taken
 *     back and the client gets 503: nothing was erased;</li>
 * <li>in one transaction, ingest's own rows (by {@link IngestErasure}), the task row (RUNNING), the
 *     task's plan listing the participants ({@code pipeline.erasure.participants}) and ingest's reports;</li>
 * <li>ingest's reports on {@code task.events}, so the results API tallies the task even when every
 *     worker reported before this transaction committed.</li>
 * </ol>
 * Every other participant deletes its own data on the event and reports; the results API marks the task
 * SUCCEEDED with the per-participant counts, or FAILED naming the missing participants after
 * {@code pipeline.erasure.deadline}.
 */
@Service
public class ResumeErasure {

    private static final Logger log = LoggerFactory.getLogger(ResumeErasure.class);

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final KafkaTemplate<String, byte[]> kafka;
    private final IngestProperties properties;
    private final ErasureProperties erasure;
    private final ErasureLedger ledger;
    private final ErasureReporter reporter;
    private final IngestErasure own;

    public ResumeErasure(DatabaseClient db, TransactionalOperator tx, KafkaTemplate<String, byte[]> kafka,
            IngestProperties properties, ErasureProperties erasure, ErasureLedger ledger, ErasureReporter reporter) {
        this.db = db;
        this.tx = tx;
        this.kafka = kafka;
        this.properties = properties;
        this.erasure = erasure;
        this.ledger = ledger;
        this.reporter = reporter;
        this.own = new IngestErasure(db);
    }

    /**
     * The erasure task, started.
     *
     * @param taskId the task id
     * @param plan   what the task waits for
     */
    public record Erased(UUID taskId, ErasurePlan plan) {
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
        UUID taskId = UUID.randomUUID();
        List<String> ids = resumes.stream().map(Stored::id).toList();
        ErasurePlan plan = new ErasurePlan(participants(), ids,
                ids.stream().map(id -> Topics.RESUME_EMBEDDED.name() + ":" + id).toList(),
                ids.stream().map(id -> Topics.RESUME_UPDATED.name() + ":" + id + ":deleted").toList());
        Mono<Void> tombstones = tx.transactional(Flux.fromIterable(ids)
                .concatMap(id -> ErasedSubjects.record(db, tenantId, id))
                .then());
        Mono<Void> announced = Flux.fromIterable(resumes)
                .concatMap(last -> send(last.id(), new ProducerRecord<>(Topics.RESUME_EMBEDDED.name(), last.id(), null))
                        .then(send(last.id(), erased(taskId, tenantId, last))))
                .then()
                .onErrorResume(e -> Flux.fromIterable(ids)
                        .concatMap(id -> ErasedSubjects.forget(db, tenantId, id))
                        .then(Mono.<Void>error(e)));
        List<ErasureReport> reports = new ArrayList<>();
        Instant now = Instant.now();
        Mono<Void> erasedHere = tx.transactional(Flux.fromIterable(resumes)
                .concatMap(last -> own.erase(new ErasedResume(taskId, tenantId, last.id(), last.version(), null))
                        .map(counts -> new ErasureReport(own.name(), last.id(), counts)))
                .doOnNext(reports::add)
                .then(recordTask(tenantId, subject, taskId, now))
                .then(ledger.open(taskId, tenantId, plan, now))
                .then(Flux.fromIterable(reports).concatMap(r -> ledger.record(taskId, r, now)).then()));
        return tombstones
                .then(announced)
                .then(erasedHere)
                .then(Mono.defer(() -> Flux.fromIterable(reports)
                        .concatMap(r -> reporter.report(taskId, tenantId, r))
                        .then()
                        // Recorded already; the event only prompts the tally, which the results API's sweep also runs.
                        .onErrorResume(e -> {
                            log.warn("erasure task {}: ingest's report not published: {}", taskId, e.toString());
                            return Mono.empty();
                        })))
                .thenReturn(new Erased(taskId, plan));
    }

    /** The listed participants; ingest always, since it erases here. */
    private List<String> participants() {
        List<String> listed = new ArrayList<>(erasure.participants());
        if (!listed.contains(IngestErasure.NAME)) {
            listed.add(0, IngestErasure.NAME);
        }
        return listed;
    }

    /** The {@code resume.updated} event of the erasure, with the task and the last stored content. */
    private static ProducerRecord<String, byte[]> erased(UUID taskId, String tenantId, Stored last) {
        Resume resume = PipelineJson.mapper().readValue(last.content(), Resume.class);
        var envelope = EventEnvelope.of(Topics.RESUME_UPDATED.name(), taskId, tenantId, last.id(),
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

    /** The erasure task: RUNNING until the results API has every participant's report. */
    private Mono<Void> recordTask(String tenantId, String subject, UUID taskId, Instant at) {
        // Through the task kit, the one writer of task rows.
        return new TaskRows(db).insert(new TaskRows.NewTask(taskId, tenantId, TaskType.ERASURE, TaskState.RUNNING,
                subject, "/v1/tasks/" + taskId, at.atOffset(ZoneOffset.UTC))).then();
    }

    private record Stored(String id, int version, String content, String contentHash) {
    }
}
