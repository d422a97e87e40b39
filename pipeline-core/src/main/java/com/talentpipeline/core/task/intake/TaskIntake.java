package com.talentpipeline.core.task.intake;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.topic.ReactiveSends;
import com.talentpipeline.core.trace.Traceparent;
import com.talentpipeline.core.web.ApiProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Accepts a task: Idempotency-Key replay, or the owner's rows + task row + key in one statement, then the
 * event with its {@code traceparent} header; accepted only once Kafka acknowledged it ({@code acks=all}, the
 * shared producer's setting), undone and 503 with Retry-After when it did not. See the package documentation.
 *
 * <p>Metrics (names kept from the ingest API, which the dashboards read): {@code pipeline.ingest.store.latency},
 * {@code pipeline.ingest.publish.latency} and {@code pipeline.submissions{type,outcome}}.
 */
public final class TaskIntake {

    private static final Logger log = LoggerFactory.getLogger(TaskIntake.class);

    private final IntakeStore store;
    private final KafkaTemplate<String, byte[]> kafka;
    private final IntakeSettings settings;
    private final MeterRegistry meters;
    private final Timer publishTimer;
    private final Timer storeTimer;

    TaskIntake(IntakeStore store, KafkaTemplate<String, byte[]> kafka, IntakeSettings settings, MeterRegistry meters) {
        this.store = store;
        this.kafka = kafka;
        this.settings = settings;
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

    /** The intake on PostgreSQL (tables {@code tasks}, {@code idempotency_keys}, {@code task_results}). */
    public static TaskIntake create(DatabaseClient db, TransactionalOperator tx, KafkaTemplate<String, byte[]> kafka,
            IntakeSettings settings, MeterRegistry meters) {
        return new TaskIntake(new R2dbcIntakeStore(db, tx), kafka, settings, meters);
    }

    /**
     * Accepts the request for the tenant, or replays the earlier one with the same Idempotency-Key.
     *
     * @param traceparent the client's W3C traceparent; a new root when absent or malformed (every task has a trace)
     * @return the accepted task; errors: 422 {@code idempotency_key_reused}, 503 {@code unavailable} when the
     *         database or Kafka is down (nothing was accepted)
     */
    public <P, S> Mono<Accepted> submit(IntakeRequest<P, S> request, String tenantId, String traceparent) {
        Mono<Accepted> replay = request.idempotencyKey() == null
                ? Mono.empty()
                : store.findByKey(tenantId, request.idempotencyKey(), request.requestHash());
        return replay
                .switchIfEmpty(Mono.defer(() -> create(request, tenantId, traceparent)))
                // Lost a race on the same key: the winner's task is the answer.
                .onErrorResume(DuplicateKeyException.class, e -> request.idempotencyKey() == null ? Mono.error(e)
                        : store.findByKey(tenantId, request.idempotencyKey(), request.requestHash()))
                .doOnError(TaskIntake::isDatabaseDown, e -> log.warn("task store unavailable: {}", rootCause(e)))
                .onErrorMap(TaskIntake::isDatabaseDown, e -> ApiProblemException.unavailable(
                        "The task store is unavailable; nothing was accepted. Retry later.", settings.retryAfter()))
                .doOnNext(a -> count(request, a.replayed() ? "replayed" : "accepted"))
                .doOnError(e -> count(request, e instanceof ApiProblemException p
                        && p.status() == HttpStatus.SERVICE_UNAVAILABLE ? "unavailable" : "rejected"));
    }

    private <P, S> Mono<Accepted> create(IntakeRequest<P, S> r, String tenantId, String traceparent) {
        UUID taskId = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Mono<IntakeStore.Written<S>> rows = Mono.defer(() -> {
            Timer.Sample sample = Timer.start(meters);
            return store.write(r, tenantId, taskId, now).doOnSuccess(w -> sample.stop(storeTimer));
        });
        return rows.flatMap(written -> publish(r, tenantId, taskId, written.versionOrZero(), traceparent)
                .thenReturn(new Accepted(taskId, r.subjectId(), false, r.finished()))
                .onErrorResume(e -> store.undo(r, taskId, written)
                        .onErrorResume(undoFailed -> {
                            log.error("could not remove unacknowledged task {}", taskId, undoFailed);
                            return Mono.empty();
                        })
                        .then(Mono.error(ApiProblemException.unavailable(
                                "The event broker did not acknowledge the submission; nothing was accepted. "
                                        + "Retry later.", settings.retryAfter())))));
    }

    private <P> Mono<Void> publish(IntakeRequest<P, ?> r, String tenantId, UUID taskId, int version,
            String traceparent) {
        // Every task has a trace: the client's traceparent, or a new root. Envelope and header carry it.
        String trace = Traceparent.orNewRoot(traceparent);
        EventEnvelope<P> envelope = EventEnvelope.of(r.topic().name(), taskId, tenantId, r.subjectId(),
                r.contentHash(), trace, r.payloadFactory().apply(version));
        ProducerRecord<String, byte[]> record = Traceparent.attach(
                new ProducerRecord<>(r.topic().name(), r.subjectId(), r.topic().encode(envelope)), trace);
        Timer.Sample sample = Timer.start(meters);
        return Mono.defer(() -> ReactiveSends.acknowledged(kafka, record))
                .timeout(settings.ackTimeout())
                .doOnSuccess(ack -> sample.stop(publishTimer))
                .doOnError(e -> log.warn("event for task {} not acknowledged: {}", taskId, e.toString()))
                .then();
    }

    private static String rootCause(Throwable e) {
        StringBuilder chain = new StringBuilder(e.toString());
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            chain.append(" <- ").append(c);
        }
        return chain.toString();
    }

    static boolean isDatabaseDown(Throwable e) {
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

    private void count(IntakeRequest<?, ?> r, String outcome) {
        Counter.builder("pipeline.submissions")
                .description("Submissions by task type and outcome")
                .tag("type", r.type().wireName())
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }
}
