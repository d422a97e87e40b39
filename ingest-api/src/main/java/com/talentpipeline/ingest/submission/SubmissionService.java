package com.talentpipeline.ingest.submission;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.task.TaskState;
import com.talentpipeline.core.trace.Traceparent;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.ingest.config.IngestProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.r2dbc.postgresql.codec.Json;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import com.talentpipeline.core.topic.ReactiveSends;
import reactor.core.publisher.Mono;

/**
 * Accepts a submission: in one SQL statement (one round trip, atomic) the task row (ACCEPTED, or SUCCEEDED
 * with its result when it was known at the door), the document and the idempotency key, joined by the
 * submission's extra writes in a transaction when it has some; then the event, and only once Kafka
 * acknowledged it ({@code acks=all}) is the submission accepted. If Kafka does not acknowledge in time the rows are removed (for a new version of
 * an existing document: the document row is restored to the previous version, and the submission's
 * extra rows undone) and the client gets 503 with Retry-After, so nothing is half-accepted.
 */
@Service
public class SubmissionService {

    private static final Logger log = LoggerFactory.getLogger(SubmissionService.class);

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final KafkaTemplate<String, byte[]> kafka;
    private final IngestProperties properties;
    private final MeterRegistry meters;
    private final Timer publishTimer;
    private final Timer storeTimer;

    public SubmissionService(DatabaseClient db, TransactionalOperator tx, KafkaTemplate<String, byte[]> kafka,
            IngestProperties properties, MeterRegistry meters) {
        this.db = db;
        this.tx = tx;
        this.kafka = kafka;
        this.properties = properties;
        this.meters = meters;
        this.publishTimer = Timer.builder("pipeline.ingest.publish.latency")
                .description("Time until Kafka acknowledged a submission's event")
                .publishPercentileHistogram()
                .register(meters);
        this.storeTimer = Timer.builder("pipeline.ingest.store.latency")
                .description("Time to write a submission's task and document rows (one statement)")
                .publishPercentileHistogram()
                .register(meters);
    }

    /**
     * Who submits and what comes with the submission besides the document.
     *
     * @param tenantId    the caller's tenant
     * @param userId      the person the resume belongs to ({@code resumes.user_id}), or null to keep it
     * @param callbackUrl where the task's outcome is posted (checked already), or null
     */
    public record Client(String tenantId, String userId, String callbackUrl) {
    }

    /** Accepts the submission for the tenant, with no user or callback. */
    public <P> Mono<Accepted> submit(Submission<P> submission, String tenantId, String traceparent) {
        return submit(submission, new Client(tenantId, null, null), traceparent);
    }

    /** Accepts the submission, or replays the earlier one with the same Idempotency-Key. */
    public <P> Mono<Accepted> submit(Submission<P> submission, Client client, String traceparent) {
        String tenantId = client.tenantId();
        Mono<Accepted> replay = submission.idempotencyKey() == null
                ? Mono.empty()
                : findByIdempotencyKey(tenantId, submission);
        return replay
                .switchIfEmpty(Mono.defer(() -> create(submission, client, traceparent)))
                .onErrorResume(DuplicateKeyException.class,
                        e -> findByIdempotencyKey(tenantId, submission)) // lost a race on the same key
                .doOnError(SubmissionService::isDatabaseDown, e -> log.warn("task store unavailable: {}", rootCause(e)))
                .onErrorMap(SubmissionService::isDatabaseDown, e -> ApiProblemException.unavailable(
                        "The task store is unavailable; nothing was accepted. Retry later.",
                        properties.retryAfter()))
                .doOnNext(a -> count(submission, a.replayed() ? "replayed" : "accepted"))
                .doOnError(e -> count(submission, e instanceof ApiProblemException p
                        && p.status() == HttpStatus.SERVICE_UNAVAILABLE ? "unavailable" : "rejected"));
    }

    private <P> Mono<Accepted> create(Submission<P> s, Client client, String traceparent) {
        UUID taskId = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // One statement writes the task, the document (and the idempotency key and a known result): one
        // round trip, atomic on its own. Extra writes (a resume file) need the version, so they join it in a
        // transaction.
        Mono<Written> rows = Mono.defer(() -> {
            Timer.Sample sample = Timer.start(meters);
            return write(s, client, taskId, now).doOnSuccess(w -> sample.stop(storeTimer));
        });
        if (s.extraWrites() != Submission.NO_WRITES) {
            rows = tx.transactional(rows.flatMap(w -> s.extraWrites().apply(w.version()).thenReturn(w)));
        }
        return rows
                .flatMap(written -> publish(s, client.tenantId(), taskId, written.version(), traceparent)
                        .thenReturn(new Accepted(taskId, s.subjectId(), false, s.finished()))
                        .onErrorResume(e -> undo(s, taskId, written.version(), written.previous())
                                .then(Mono.error(ApiProblemException.unavailable(
                                        "The event broker did not acknowledge the submission; nothing was accepted. "
                                                + "Retry later.", properties.retryAfter())))));
    }

    /**
     * The task row (ACCEPTED, or SUCCEEDED with its result when finished at the door), the document row
     * (version 1, or the next version of an existing id) and the idempotency key, in one statement that
     * returns the new version and the document row as it was before (to restore it if Kafka does not
     * acknowledge).
     */
    private <P> Mono<Written> write(Submission<P> s, Client client, UUID taskId, OffsetDateTime now) {
        String table = s.documentTable();
        boolean user = client.userId() != null && table.equals("resumes");
        boolean status = s.status() != null;
        Submission.Finished finished = s.finished();
        StringBuilder sql = new StringBuilder()
                .append("WITH prev AS (SELECT version, content, content_hash, updated_at").append(status ? ", status" : "")
                .append(" FROM ").append(table).append(" WHERE id = :subject AND tenant_id = :tenant FOR UPDATE),\n")
                // The insert reads prev, so the existing row is locked (and its latest version read) first.
                .append("doc AS (INSERT INTO ").append(table)
                .append(" (id, tenant_id, version, content, content_hash, created_at, updated_at")
                .append(status ? ", status" : "").append(user ? ", user_id" : "").append(")")
                .append(" SELECT :subject, :tenant, 1, :content, :hash, :now, :now")
                .append(status ? ", :status" : "").append(user ? ", :user" : "")
                .append(" FROM (SELECT 1) AS one LEFT JOIN prev ON true")
                .append(" ON CONFLICT (id) DO UPDATE SET version = ").append(table).append(".version + 1,")
                .append(" content = EXCLUDED.content, content_hash = EXCLUDED.content_hash,")
                .append(" updated_at = EXCLUDED.updated_at")
                .append(status ? ", status = EXCLUDED.status" : "").append(user ? ", user_id = EXCLUDED.user_id" : "")
                .append(" RETURNING version),\n")
                .append("""
                        task AS (INSERT INTO tasks (id, tenant_id, type, state, subject_id, content_hash, progress,
                                                    created_at, updated_at, callback_url, subject_version, cache_hit,
                                                    model_name, model_version, model_dimension, result_link,
                                                    started_at, finished_at)
                            SELECT :task, :tenant, :type, :state, :subject, :hash, :progress, :now, :now, :callback,
                                   doc.version, :cacheHit, :modelName, :modelVersion, :modelDimension, :resultLink,
                                   :finishedAt, :finishedAt
                            FROM doc RETURNING id)""");
        if (s.idempotencyKey() != null) {
            sql.append("""
                    ,
                    idem AS (INSERT INTO idempotency_keys (tenant_id, key, request_hash, task_id, subject_id, created_at)
                        SELECT :tenant, :key, :requestHash, task.id, :subject, :now FROM task)""");
        }
        if (finished != null) {
            // The known result, as the results API would store the worker's: for this document version.
            sql.append("""
                    ,
                    result AS (INSERT INTO task_results (task_id, tenant_id, subject_id, type, result, created_at)
                        SELECT task.id, :tenant, :subject, :type, jsonb_set(:result, '{version}', to_jsonb(doc.version)),
                               :now
                        FROM task, doc)""");
        }
        sql.append("\nSELECT doc.version, prev.version AS previous_version, prev.content AS previous_content,")
                .append(" prev.content_hash AS previous_hash, prev.updated_at AS previous_updated")
                .append(status ? ", prev.status AS previous_status" : "")
                .append(" FROM doc LEFT JOIN prev ON true");
        var spec = db.sql(sql.toString())
                .bind("subject", s.subjectId())
                .bind("tenant", client.tenantId())
                .bind("content", Json.of(s.documentJson()))
                .bind("hash", s.contentHash())
                .bind("now", now)
                .bind("task", taskId)
                .bind("type", s.type().wireName())
                .bind("state", (finished == null ? TaskState.ACCEPTED : TaskState.SUCCEEDED).name())
                .bind("progress", finished == null ? 0 : 100)
                .bind("cacheHit", finished != null);
        spec = bindNullable(spec, "callback", client.callbackUrl(), String.class);
        spec = bindNullable(spec, "modelName", finished == null ? null : finished.model().name(), String.class);
        spec = bindNullable(spec, "modelVersion", finished == null ? null : finished.model().version(), String.class);
        spec = bindNullable(spec, "modelDimension", finished == null ? null : finished.model().dimension(), Integer.class);
        spec = bindNullable(spec, "resultLink", finished == null ? null : finished.resultLink(), String.class);
        spec = bindNullable(spec, "finishedAt", finished == null ? null : now, OffsetDateTime.class);
        if (status) {
            spec = spec.bind("status", s.status());
        }
        if (user) {
            spec = spec.bind("user", client.userId());
        }
        if (s.idempotencyKey() != null) {
            spec = spec.bind("key", s.idempotencyKey()).bind("requestHash", requestHash(s));
        }
        if (finished != null) {
            spec = spec.bind("result", Json.of(finished.resultJson()));
        }
        return spec.map(row -> {
            Integer before = row.get("previous_version", Integer.class);
            Previous previous = before == null ? null : new Previous(before, row.get("previous_content", Json.class),
                    row.get("previous_hash", String.class), row.get("previous_updated", OffsetDateTime.class),
                    status ? row.get("previous_status", String.class) : null);
            return new Written(row.get("version", Integer.class), previous);
        }).one();
    }

    private static <T> DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec,
            String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private <P> Mono<Void> publish(Submission<P> s, String tenantId, UUID taskId, int version, String traceparent) {
        // Every task has a trace: the client's traceparent, or a new root. Envelope and header carry it.
        String trace = Traceparent.orNewRoot(traceparent);
        EventEnvelope<P> envelope = EventEnvelope.of(s.topic().name(), taskId, tenantId, s.subjectId(),
                s.contentHash(), trace, s.payloadFactory().apply(version));
        ProducerRecord<String, byte[]> record = Traceparent.attach(
                new ProducerRecord<>(s.topic().name(), s.subjectId(), s.topic().encode(envelope)), trace);
        Timer.Sample sample = Timer.start(meters);
        return ReactiveSends.acknowledged(kafka, record)
                .timeout(properties.ackTimeout())
                .doOnSuccess(r -> sample.stop(publishTimer))
                .doOnError(e -> log.warn("event for task {} not acknowledged: {}", taskId, e.toString()))
                .then();
    }

    /** Whether a document (table resumes or jobs) with this id exists for the tenant. */
    public Mono<Boolean> exists(String table, String tenantId, String id) {
        return db.sql("SELECT 1 FROM " + table + " WHERE id = :id AND tenant_id = :tenant")
                .bind("id", id)
                .bind("tenant", tenantId)
                .map(row -> true)
                .one()
                .defaultIfEmpty(false);
    }

    /**
     * Removes what create() wrote, so a 503 leaves nothing behind: the task; for version 1 the document
     * (its file cascades); for a later version the document row as it was before and the submission's
     * own undo of its extra writes, unless a newer version was accepted in the meantime.
     */
    private <P> Mono<Void> undo(Submission<P> s, UUID taskId, int version, Previous previous) {
        Mono<Void> deleteTask = db.sql("DELETE FROM tasks WHERE id = :id").bind("id", taskId).then();
        Mono<Void> undoDoc;
        if (version == 1) {
            undoDoc = db.sql("DELETE FROM " + s.documentTable() + " WHERE id = :id AND version = 1")
                    .bind("id", s.subjectId()).then();
        } else if (previous != null) {
            String status = s.status() == null ? "" : ", status = :status";
            var spec = db.sql("UPDATE " + s.documentTable() + " SET version = :previous, content = :content,"
                            + " content_hash = :hash, updated_at = :updated" + status
                            + " WHERE id = :id AND version = :version")
                    .bind("previous", previous.version())
                    .bind("content", previous.content())
                    .bind("hash", previous.contentHash())
                    .bind("updated", previous.updatedAt())
                    .bind("id", s.subjectId())
                    .bind("version", version);
            if (s.status() != null) {
                spec = spec.bind("status", previous.status());
            }
            undoDoc = spec.fetch().rowsUpdated()
                    .flatMap(restored -> restored > 0 ? s.undoWrites().apply(version) : Mono.empty());
        } else {
            undoDoc = Mono.empty();
        }
        return tx.transactional(deleteTask.then(undoDoc))
                .onErrorResume(e -> {
                    log.error("could not remove unacknowledged task {}", taskId, e);
                    return Mono.empty();
                });
    }

    private <P> Mono<Accepted> findByIdempotencyKey(String tenantId, Submission<P> s) {
        return db.sql("SELECT request_hash, task_id, subject_id FROM idempotency_keys WHERE tenant_id = :tenant AND key = :key")
                .bind("tenant", tenantId)
                .bind("key", s.idempotencyKey())
                .map(row -> new Object[] {row.get("request_hash", String.class), row.get("task_id", UUID.class),
                        row.get("subject_id", String.class)})
                .one()
                .map(row -> {
                    if (!requestHash(s).equals(row[0])) {
                        throw new ApiProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency_key_reused",
                                "Idempotency-Key '" + s.idempotencyKey()
                                        + "' was already used for a different request");
                    }
                    return new Accepted((UUID) row[1], (String) row[2], true);
                });
    }

    private static <P> String requestHash(Submission<P> s) {
        return s.type().wireName() + ":" + s.contentHash();
    }

    private static String rootCause(Throwable e) {
        StringBuilder chain = new StringBuilder(e.toString());
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            chain.append(" <- ").append(c);
        }
        return chain.toString();
    }

    private static boolean isDatabaseDown(Throwable e) {
        if (e instanceof ApiProblemException || e instanceof DataIntegrityViolationException) {
            return false;
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            String name = c.getClass().getName();
            if (c instanceof java.net.ConnectException || name.contains("R2dbcNonTransientResourceException")
                    || name.contains("DataAccessResourceFailureException") || name.contains("PostgresConnectionClosedException")
                    || name.contains("R2dbcTransientResourceException")) {
                return true;
            }
        }
        return false;
    }

    private <P> void count(Submission<P> s, String outcome) {
        Counter.builder("pipeline.submissions")
                .description("Submissions by task type and outcome")
                .tag("type", s.type().wireName())
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }

    /** A document row before a new version replaced it. */
    private record Previous(int version, Json content, String contentHash, OffsetDateTime updatedAt, String status) {
    }

    /** What the statement wrote: the new document version and the row it replaced (null for a new document). */
    private record Written(int version, Previous previous) {
    }

    /**
     * An accepted (or replayed) submission.
     *
     * @param taskId    the task
     * @param subjectId resume or job id
     * @param replayed  whether an earlier submission with the same Idempotency-Key was returned
     * @param finished  the result known at the door (the task is SUCCEEDED already), or null
     */
    public record Accepted(UUID taskId, String subjectId, boolean replayed, Submission.Finished finished) {

        /** A task the workers finish. */
        public Accepted(UUID taskId, String subjectId, boolean replayed) {
            this(taskId, subjectId, replayed, null);
        }
    }
}
