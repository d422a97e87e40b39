package com.talentpipeline.rag.web;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.task.ErrorCode;
import com.talentpipeline.core.task.ModelRef;
import com.talentpipeline.core.task.TaskEvent;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.inference.model.ModelInfo;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The slow path of a query: a {@code rag.query} task on {@code task.events} (RUNNING, acknowledged
 * before the 202 is sent; then SUCCEEDED with the answer as result, or FAILED), which the results API
 * stores and serves at {@code GET /v1/tasks/{id}}.
 */
@Component
public class QueryTasks {

    private static final Logger log = LoggerFactory.getLogger(QueryTasks.class);

    private final KafkaTemplate<String, byte[]> kafka;

    public QueryTasks(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    /** Publishes RUNNING, then the outcome of {@code work} once it completes; emits the task id once RUNNING is acknowledged. */
    public Mono<UUID> start(String tenantId, String resumeId, ModelInfo model,
            CompletableFuture<Map<String, Object>> work) {
        UUID taskId = UUID.randomUUID();
        // Off the Netty thread: send() may block for metadata on the producer's first use of the topic.
        return Mono.fromFuture(() -> send(tenantId, taskId, resumeId, TaskEvent.running(TaskType.RAG_QUERY)))
                .subscribeOn(Schedulers.boundedElastic())
                .doOnSuccess(ignored -> work.whenComplete((result, error) -> {
                    TaskEvent outcome = error == null
                            ? TaskEvent.succeeded(TaskType.RAG_QUERY,
                                    new ModelRef(model.name(), model.version(), model.dimension()),
                                    "/v1/tasks/" + taskId, PipelineJson.mapper().valueToTree(result), false)
                            : TaskEvent.failed(TaskType.RAG_QUERY, ErrorCode.INTERNAL_ERROR,
                                    "the query failed: " + error.getClass().getSimpleName());
                    send(tenantId, taskId, resumeId, outcome).orTimeout(30, TimeUnit.SECONDS).whenComplete((r, e) -> {
                        if (e != null) {
                            log.warn("could not publish the outcome of rag.query task {}: {}", taskId, e.toString());
                        }
                    });
                }))
                .thenReturn(taskId);
    }

    private CompletableFuture<?> send(String tenantId, UUID taskId, String resumeId, TaskEvent event) {
        EventEnvelope<TaskEvent> envelope = EventEnvelope.of(Topics.TASK_EVENTS_NAME, taskId, tenantId,
                resumeId, null, null, event);
        return kafka.send(new ProducerRecord<>(Topics.TASK_EVENTS.name(), resumeId, Topics.TASK_EVENTS.encode(envelope)));
    }
}
