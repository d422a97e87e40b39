package com.talentpipeline.matching.task;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.task.ErrorCode;
import com.talentpipeline.core.task.ModelRef;
import com.talentpipeline.core.task.TaskError;
import com.talentpipeline.core.task.TaskEvent;
import com.talentpipeline.core.task.TaskState;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.topic.ReactiveSends;
import com.talentpipeline.core.topic.Topics;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Publishes the state changes of the worker's tasks on {@code task.events}, keyed by the subject (the
 * resume id) and carrying the caller's tenant. {@link #accepted} emits once Kafka acknowledged the
 * RUNNING event, so a 202 is only sent for a task the results API will know.
 */
@Component
public class TaskPublisher {

    private static final Logger log = LoggerFactory.getLogger(TaskPublisher.class);

    private final KafkaTemplate<String, byte[]> kafka;

    public TaskPublisher(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    /** A task as the worker refers to it. */
    public record TaskRef(UUID taskId, TaskType type, String tenantId, String subjectId) {
    }

    /** RUNNING (progress 0), acknowledged; from reactive code (the send runs on boundedElastic). */
    public Mono<TaskRef> accepted(TaskRef task) {
        return ReactiveSends.acknowledged(kafka, record(task, event(task.type(), TaskState.RUNNING, 0, null, null, null, false)))
                .thenReturn(task);
    }

    /** A progress update (0-100) while RUNNING; fire and forget, from a worker thread. */
    public void progress(TaskRef task, int progress) {
        send(task, event(task.type(), TaskState.RUNNING, Math.max(0, Math.min(99, progress)), null, null, null, false));
    }

    /** SUCCEEDED with the result; from a worker thread; completes when acknowledged. */
    public CompletableFuture<?> succeeded(TaskRef task, ModelRef model, Object result, boolean cacheHit) {
        return send(task, TaskEvent.succeeded(task.type(), model, "/v1/tasks/" + task.taskId(),
                PipelineJson.mapper().valueToTree(result), cacheHit));
    }

    /** FAILED with a reason; from a worker thread. */
    public CompletableFuture<?> failed(TaskRef task, ErrorCode code, String message) {
        return send(task, TaskEvent.failed(task.type(), code, message));
    }

    private CompletableFuture<?> send(TaskRef task, TaskEvent event) {
        CompletableFuture<?> sent = kafka.send(record(task, event));
        sent.orTimeout(30, TimeUnit.SECONDS).whenComplete((r, e) -> {
            if (e != null) {
                log.warn("could not publish {} of {} task {}: {}", event.state(), task.type().wireName(), task.taskId(), e.toString());
            }
        });
        return sent;
    }

    private static TaskEvent event(TaskType type, TaskState state, int progress, ModelRef model, TaskError error,
            Object result, boolean cacheHit) {
        return new TaskEvent(type, state, progress, model, error, null, null, cacheHit, Instant.now());
    }

    private static ProducerRecord<String, byte[]> record(TaskRef task, TaskEvent event) {
        EventEnvelope<TaskEvent> envelope = EventEnvelope.of(Topics.TASK_EVENTS_NAME, task.taskId(), task.tenantId(),
                task.subjectId(), null, null, event);
        return new ProducerRecord<>(Topics.TASK_EVENTS.name(), task.subjectId(), Topics.TASK_EVENTS.encode(envelope));
    }
}
