package com.talentpipeline.core.kafka.reply;

import com.talentpipeline.core.kafka.consume.DeadLetters;
import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.task.ErrorCode;
import com.talentpipeline.core.task.TaskEvent;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.topic.Topic;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.core.trace.Traceparent;
import com.talentpipeline.core.web.ApiProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/**
 * The worker's side of request-reply for one request topic: runs the {@link RequestHandler} for each
 * record and publishes both the {@link Reply} (to the topic the request names, for a client that may
 * still wait) and the task event on {@code task.events} (SUCCEEDED with the result, or FAILED with the
 * reason), which completes the task of a request that was answered {@code 202}. A request that cannot be
 * decoded is copied to the topic's DLT and, when its correlation id can be read, answered with a 400
 * problem.
 *
 * <p>A responder without a task type answers queries ({@link RequestReply#query}: reads and changes of
 * the worker's own data that are not tasks): it publishes only the reply.
 *
 * <p>A batch runs on the given executor (requests of one poll in parallel) and {@link #onBatch} returns
 * when every request was answered and both records acknowledged, so offsets are committed only after.
 *
 * @param <Q> request payload type
 */
public final class Responder<Q> {

    private static final Logger log = LoggerFactory.getLogger(Responder.class);
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final Topic<Q> topic;
    private final TaskType type;
    private final RequestHandler<Q> handler;
    private final Function<ProducerRecord<String, byte[]>, CompletableFuture<?>> sender;
    private final Executor executor;
    private final DeadLetters deadLetters;

    /**
     * @param topic    the request topic
     * @param type     the task type of its requests, or null for queries ({@link RequestReply#query}):
     *                 those are answered by the reply alone, with no task event
     * @param handler  answers one request
     * @param sender   sends a record, completing when acknowledged ({@code KafkaTemplate::send})
     * @param executor where requests run (they may block on a model)
     * @param deadLetters the consume kit's one dead-letter writer (its header set)
     */
    public Responder(Topic<Q> topic, TaskType type, RequestHandler<Q> handler,
            Function<ProducerRecord<String, byte[]>, CompletableFuture<?>> sender, Executor executor,
            DeadLetters deadLetters) {
        this.topic = topic;
        this.type = type;
        this.handler = handler;
        this.sender = sender;
        this.executor = executor;
        this.deadLetters = deadLetters;
    }

    /** Answers every request of the batch; returns once all were answered and published. */
    public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        List<CompletableFuture<?>> done = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            done.add(CompletableFuture.supplyAsync(() -> respond(record), executor).thenCompose(f -> f));
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new))
                .orTimeout(SEND_TIMEOUT_SECONDS * 4, TimeUnit.SECONDS).join();
    }

    /** Answers one request; the future completes when its records were acknowledged. */
    CompletableFuture<?> respond(ConsumerRecord<String, byte[]> record) {
        UUID correlationId = ReplyHeaders.correlationId(record.headers());
        String replyTopic = ReplyHeaders.replyTopic(record.headers());
        EventEnvelope<Q> request;
        try {
            request = topic.decode(record.value());
            if (request.taskId() == null || request.tenantId() == null || request.payload() == null) {
                throw new IllegalArgumentException("the envelope lacks its task, tenant or payload");
            }
        } catch (RuntimeException e) {
            log.warn("malformed request {}-{}@{} dead-lettered: {}", record.topic(), record.partition(),
                    record.offset(), e.toString());
            CompletableFuture<?> dlt = deadLetters.send(record, e);
            return correlationId == null || replyTopic == null ? dlt
                    : CompletableFuture.allOf(dlt, sender.apply(reply(replyTopic, Reply.problem(correlationId,
                            new ApiProblemException(HttpStatus.BAD_REQUEST, "malformed_request",
                                    "The request could not be read")))));
        }
        UUID taskId = correlationId == null ? request.taskId() : correlationId;
        Reply reply;
        TaskEvent event;
        try {
            RequestHandler.Answer answer = handler.handle(request);
            JsonNode body = PipelineJson.mapper().valueToTree(answer.result());
            reply = Reply.ok(taskId, body);
            event = type == null ? null
                    : TaskEvent.succeeded(type, answer.model(), "/v1/tasks/" + taskId, body, answer.cacheHit());
        } catch (ApiProblemException refused) {
            reply = Reply.problem(taskId, refused);
            event = type == null ? null : TaskEvent.failed(type, ErrorCode.REQUEST_REFUSED, refused.getMessage());
        } catch (RuntimeException e) {
            log.warn("{} request {} failed: {}", type == null ? topic.name() : type.wireName(), taskId, e.toString(), e);
            reply = Reply.problem(taskId, new ApiProblemException(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                    "The worker failed to answer: " + e.getClass().getSimpleName()));
            event = type == null ? null
                    : TaskEvent.failed(type, ErrorCode.INTERNAL_ERROR, "the request failed: " + e.getClass().getSimpleName());
        }
        // The reply first: a client may be waiting for it; the task event completes the task either way.
        CompletableFuture<?> replied = replyTopic == null ? CompletableFuture.completedFuture(null)
                : sender.apply(reply(replyTopic, reply));
        if (type == null) {
            return replied.orTimeout(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS); // a query: no task to complete
        }
        EventEnvelope<TaskEvent> task = EventEnvelope.of(Topics.TASK_EVENTS_NAME, taskId, request.tenantId(),
                request.subjectId(), null, request.traceparent(), event);
        CompletableFuture<?> recorded = sender.apply(Traceparent.attach(new ProducerRecord<>(Topics.TASK_EVENTS.name(),
                request.subjectId(), Topics.TASK_EVENTS.encode(task)), request.traceparent()));
        return CompletableFuture.allOf(replied, recorded).orTimeout(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static ProducerRecord<String, byte[]> reply(String replyTopic, Reply reply) {
        return new ProducerRecord<>(replyTopic, reply.correlationId().toString(),
                Topics.REQUEST_REPLIES.encode(EventEnvelope.of(Topics.REQUEST_REPLIES_NAME, reply.correlationId(),
                        null, null, null, null, reply)));
    }

}
