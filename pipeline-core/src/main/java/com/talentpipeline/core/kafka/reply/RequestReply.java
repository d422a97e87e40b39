package com.talentpipeline.core.kafka.reply;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.topic.Topic;
import com.talentpipeline.core.trace.Traceparent;
import com.talentpipeline.core.web.ApiProblemException;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The front door's side of request-reply: publishes the request, waits for the worker's {@link Reply} up
 * to a deadline, and answers {@code 200} with the reply's body, the reply's problem, or, past the deadline,
 * {@code 202} with {@code Location: /v1/tasks/{id}} once the task exists ({@link TaskFallback}). The
 * worker completes that task on {@code task.events} whether or not anyone still waits.
 *
 * <p>A deadline of zero means "always a task": the reply is not raced, so the answer never depends on how
 * fast the worker was. A request Kafka does not acknowledge is {@code 503}: nothing was accepted.
 */
public final class RequestReply {

    private static final Logger log = LoggerFactory.getLogger(RequestReply.class);

    private final Function<ProducerRecord<String, byte[]>, Mono<?>> sender;
    private final PendingReplies pending;
    private final TaskFallback fallback;
    private final String replyTopic;
    private final String tasksBaseUrl;
    private final Duration retryAfter;

    /**
     * @param sender       sends a record and emits once Kafka acknowledged it (or fails)
     * @param pending      the replies this instance waits for (fed by its {@link ReplyConsumer})
     * @param fallback     creates the task of a request answered with 202
     * @param replyTopic   the topic workers reply to
     * @param tasksBaseUrl base URL of {@code /v1/tasks/{id}} in {@code Location}
     * @param retryAfter   Retry-After of a 503
     */
    public RequestReply(Function<ProducerRecord<String, byte[]>, Mono<?>> sender, PendingReplies pending,
            TaskFallback fallback, String replyTopic, String tasksBaseUrl, Duration retryAfter) {
        this.sender = sender;
        this.pending = pending;
        this.fallback = fallback;
        this.replyTopic = replyTopic;
        this.tasksBaseUrl = tasksBaseUrl.replaceAll("/+$", "");
        this.retryAfter = retryAfter;
    }

    /**
     * A request about one subject.
     *
     * @param topic    the request topic
     * @param type     the task it becomes past the deadline (null for a {@link #query})
     * @param tenantId the caller's tenant
     * @param subjectId the resume or job it is about (the record key)
     * @param traceparent the caller's trace context, or null for a new root
     * @param payload  the typed request
     * @param <Q>      payload type
     */
    public record Request<Q>(Topic<Q> topic, TaskType type, String tenantId, String subjectId, String traceparent,
            Q payload) {
    }

    /**
     * Sends the request and answers it within {@code deadline} (zero: at once with a task).
     *
     * @return 200 with the reply's body, 202 with {@link RequestAccepted}, or an error with the reply's
     *         problem ({@link ApiProblemException}); 503 when Kafka did not take the request
     */
    public <Q> Mono<ResponseEntity<Object>> ask(Request<Q> request, Duration deadline) {
        return Mono.defer(() -> {
            UUID taskId = UUID.randomUUID();
            boolean wait = !deadline.isZero() && !deadline.isNegative();
            long t0 = System.nanoTime();
            // Registered before the send: a fast reply may arrive before the acknowledgement does.
            Mono<Reply> reply = wait ? Mono.fromFuture(pending.register(taskId), true) : Mono.empty();
            Mono<ResponseEntity<Object>> accepted = Mono.defer(() -> accepted(request, taskId));
            Mono<Void> sent = send(request, taskId);
            Mono<ResponseEntity<Object>> answered = wait
                    ? sent.then(Mono.defer(() -> reply.timeout(remaining(deadline, t0))))
                            .map(this::answer)
                            .onErrorResume(TimeoutException.class, e -> accepted)
                    : sent.then(accepted);
            return answered.doFinally(signal -> pending.forget(taskId));
        });
    }

    /**
     * Sends a request that is not a task (a read, or a change of the worker's own configuration such as a
     * stored taxonomy) and emits the reply's body within {@code deadline}. Nothing is recorded: past the
     * deadline the caller gets {@code 503} with Retry-After (the worker is slow or down) instead of a task
     * to poll, and the worker publishes no task event ({@link Responder} with no task type).
     *
     * @return the reply's body on 200; an error with the reply's problem ({@link ApiProblemException}), or
     *         503 when Kafka did not take the request or no reply came in time
     */
    public <Q> Mono<JsonNode> query(Request<Q> request, Duration deadline) {
        return Mono.defer(() -> {
            UUID correlationId = UUID.randomUUID();
            long t0 = System.nanoTime();
            Mono<Reply> reply = Mono.fromFuture(pending.register(correlationId), true);
            return send(request, correlationId)
                    .then(Mono.defer(() -> reply.timeout(remaining(deadline, t0))))
                    .map(r -> {
                        if (!r.isOk()) {
                            throw r.toProblem();
                        }
                        return r.body() == null ? (JsonNode) PipelineJson.mapper().nullNode() : r.body();
                    })
                    .onErrorMap(TimeoutException.class, e -> ApiProblemException.unavailable(
                            "The " + request.topic().name() + " request was not answered within " + deadline.toMillis()
                                    + " ms; retry later.", retryAfter))
                    // Before the signal goes downstream (doFinally would run after it): nothing waits once answered.
                    .doOnTerminate(() -> pending.forget(correlationId))
                    .doOnCancel(() -> pending.forget(correlationId));
        });
    }

    /** Publishes the request with its reply headers; emits once Kafka acknowledged it, else 503. */
    private <Q> Mono<Void> send(Request<Q> request, UUID correlationId) {
        String trace = Traceparent.orNewRoot(request.traceparent());
        EventEnvelope<Q> envelope = EventEnvelope.of(request.topic().name(), correlationId, request.tenantId(),
                request.subjectId(), null, trace, request.payload());
        ProducerRecord<String, byte[]> record = Traceparent.attach(new ProducerRecord<>(request.topic().name(),
                request.subjectId(), request.topic().encode(envelope)), trace);
        ReplyHeaders.attach(record.headers(), replyTopic, correlationId);
        return sender.apply(record)
                .onErrorMap(e -> {
                    log.warn("request {} on {} not acknowledged: {}", correlationId, request.topic().name(), e.toString());
                    return ApiProblemException.unavailable(
                            "The event broker did not acknowledge the request; nothing was accepted. Retry later.",
                            retryAfter);
                })
                .then();
    }

    private static Duration remaining(Duration deadline, long t0) {
        long left = deadline.toNanos() - (System.nanoTime() - t0);
        return Duration.ofNanos(Math.max(1, left));
    }

    private ResponseEntity<Object> answer(Reply reply) {
        if (!reply.isOk()) {
            throw reply.toProblem();
        }
        return ResponseEntity.ok(reply.body());
    }

    private <Q> Mono<ResponseEntity<Object>> accepted(Request<Q> request, UUID taskId) {
        String url = tasksBaseUrl + "/v1/tasks/" + taskId;
        return fallback.accept(taskId, request.type(), request.tenantId(), request.subjectId())
                .thenReturn(ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(url))
                        .body(new RequestAccepted(taskId, request.type().wireName(), request.subjectId(), "ACCEPTED",
                                url)));
    }
}
