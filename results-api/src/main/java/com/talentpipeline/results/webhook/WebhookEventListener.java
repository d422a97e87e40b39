package com.talentpipeline.results.webhook;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.kafka.consume.ConsumeKit;
import com.talentpipeline.core.kafka.consume.Received;
import com.talentpipeline.core.kafka.consume.TypedListener;
import com.talentpipeline.core.resume.RecommendationsUpdated;
import com.talentpipeline.core.resume.ResumeScored;
import com.talentpipeline.core.resume.ResumeUpdated;
import com.talentpipeline.core.task.TaskEvent;
import com.talentpipeline.core.topic.Topic;
import com.talentpipeline.core.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns pipeline events into delivery rows (group {@code results-api-webhooks}, its own offsets):
 * terminal {@code task.events} become {@code task.succeeded} / {@code task.failed} (to subscribed
 * webhooks and to the task's callback URL), {@code resume.updated}, {@code resume.scored} (as
 * {@code resume.rescored}) and {@code recommendations.updated} go to subscribed webhooks. Bodies carry
 * ids, states and scores, never resume text. A re-consumed event creates no second delivery (unique per
 * target and event id).
 */
@Component
class WebhookEventListener {

    private static final tools.jackson.databind.json.JsonMapper WIRE =
            com.talentpipeline.core.web.wire.WireJson.writer(builder -> { });

    private static final Logger log = LoggerFactory.getLogger(WebhookEventListener.class);

    private final WebhookStore store;
    private final WebhookProperties properties;
    private final Map<String, TypedListener<?>> byTopic;

    /**
     * @param kit decodes the events; this group observes topics whose own consumers dead-letter bad records,
     *            so here they are skipped and counted
     */
    public WebhookEventListener(WebhookStore store, WebhookProperties properties, ConsumeKit kit) {
        this.store = store;
        this.properties = properties;
        this.byTopic = Map.of(
                Topics.TASK_EVENTS_NAME, observer(kit, Topics.TASK_EVENTS, this::task),
                Topics.RESUME_UPDATED_NAME, observer(kit, Topics.RESUME_UPDATED, this::resumeUpdated),
                Topics.RESUME_SCORED_NAME, observer(kit, Topics.RESUME_SCORED, this::rescored),
                Topics.RECOMMENDATIONS_UPDATED_NAME, observer(kit, Topics.RECOMMENDATIONS_UPDATED, this::recommendations));
    }

    private static <V> TypedListener<V> observer(ConsumeKit kit, Topic<V> topic,
            Function<EventEnvelope<V>, Mono<Void>> handle) {
        return kit.listener(topic).observing().handler(batch -> {
            for (Received<V> received : batch) {
                Mono<Void> work;
                try {
                    work = handle.apply(received.envelope());
                } catch (RuntimeException e) {
                    log.debug("event {}-{}@{} not usable for webhooks: {}", received.record().topic(),
                            received.record().partition(), received.record().offset(), e.toString());
                    continue;
                }
                // Database errors propagate: the container's error handler retries the batch.
                work.block(Duration.ofSeconds(30));
            }
        });
    }

    @KafkaListener(id = "webhook-events", groupId = "results-api-webhooks", batch = "true",
            topics = {Topics.TASK_EVENTS_NAME, Topics.RESUME_UPDATED_NAME, Topics.RESUME_SCORED_NAME,
                    Topics.RECOMMENDATIONS_UPDATED_NAME})
    public void onEvents(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        if (!properties.enabled()) {
            return;
        }
        // Record by record, in poll order: a subject's events keep their order across the four topics' handlers.
        for (ConsumerRecord<String, byte[]> record : records) {
            TypedListener<?> listener = byTopic.get(record.topic());
            if (listener != null) {
                listener.onRecord(record);
            }
        }
    }

    private Mono<Void> task(EventEnvelope<TaskEvent> envelope) {
        TaskEvent event = envelope.payload();
        if (event == null || !event.state().isTerminal() || envelope.taskId() == null) {
            return Mono.empty();
        }
        String type = event.state().name().equals("SUCCEEDED") ? WebhookEvents.TASK_SUCCEEDED : WebhookEvents.TASK_FAILED;
        ObjectNode data = PipelineJson.mapper().createObjectNode();
        data.put("taskId", envelope.taskId().toString());
        data.put("type", event.type().wireName());
        data.put("state", event.state().name());
        data.put("subjectId", envelope.subjectId());
        data.put("resultLink", event.resultLink());
        if (event.error() != null) {
            data.set("error", PipelineJson.mapper().valueToTree(event.error()));
        }
        String body = body(envelope, type, data);
        UUID eventId = eventId(envelope);
        Mono<Void> callback = store.callbackUrl(envelope.tenantId(), envelope.taskId())
                .flatMap(url -> store.enqueue(envelope.tenantId(), null, url, eventId, type, envelope.subjectId(), body));
        return fanOut(envelope, type, data).then(callback);
    }

    private Mono<Void> resumeUpdated(EventEnvelope<ResumeUpdated> envelope) {
        ResumeUpdated update = envelope.payload();
        ObjectNode data = PipelineJson.mapper().createObjectNode();
        data.put("resumeId", update.resumeId());
        data.put("version", update.version());
        data.put("source", update.source());
        return fanOut(envelope, WebhookEvents.RESUME_UPDATED, data);
    }

    private Mono<Void> rescored(EventEnvelope<ResumeScored> envelope) {
        return fanOut(envelope, WebhookEvents.RESUME_RESCORED, PipelineJson.mapper().valueToTree(envelope.payload()));
    }

    private Mono<Void> recommendations(EventEnvelope<RecommendationsUpdated> envelope) {
        return fanOut(envelope, WebhookEvents.RECOMMENDATIONS_UPDATED,
                PipelineJson.mapper().valueToTree(envelope.payload()));
    }

    private Mono<Void> fanOut(EventEnvelope<?> envelope, String type, tools.jackson.databind.JsonNode data) {
        String tenant = envelope.tenantId();
        if (tenant == null) {
            return Mono.empty();
        }
        String body = body(envelope, type, data);
        UUID eventId = eventId(envelope);
        return store.subscribers(tenant, type)
                .concatMap(w -> store.enqueue(tenant, w.id(), null, eventId, type, envelope.subjectId(), body))
                .then();
    }

    private static String body(EventEnvelope<?> envelope, String type, tools.jackson.databind.JsonNode data) {
        ObjectNode body = PipelineJson.mapper().createObjectNode();
        body.put("id", eventId(envelope).toString());
        body.put("type", type);
        body.put("occurredAt", envelope.occurredAt() == null ? null : envelope.occurredAt().toString());
        body.set("data", data);
        // A webhook is an API response pushed to the client: the API's snake_case keys, not Kafka's camelCase.
        return WIRE.writeValueAsString(body);
    }

    /** The event's id as a UUID (ids that are not UUIDs map to a stable name-based one). */
    static UUID eventId(EventEnvelope<?> envelope) {
        try {
            return UUID.fromString(envelope.id());
        } catch (RuntimeException e) {
            return UUID.nameUUIDFromBytes(String.valueOf(envelope.id()).getBytes(StandardCharsets.UTF_8));
        }
    }
}
