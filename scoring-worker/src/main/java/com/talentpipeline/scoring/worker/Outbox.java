package com.talentpipeline.scoring.worker;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.task.TaskEvent;
import com.talentpipeline.core.topic.Topic;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.core.kafka.consume.DeadLetters;
import com.talentpipeline.core.kafka.consume.TaskFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The sends of one polled batch, awaited together before the batch's offsets are committed: a crash in
 * between re-delivers the batch (at-least-once), whose effects are upserts keyed by deterministic ids.
 */
final class Outbox {

    private final KafkaTemplate<String, byte[]> kafka;
    private final DeadLetters deadLetters;
    private final List<CompletableFuture<?>> pending = new ArrayList<>();

    Outbox(KafkaTemplate<String, byte[]> kafka, DeadLetters deadLetters) {
        this.kafka = kafka;
        this.deadLetters = deadLetters;
    }

    <V> void send(Topic<V> topic, String key, EventEnvelope<V> envelope) {
        pending.add(kafka.send(new ProducerRecord<>(topic.name(), key, topic.encode(envelope))));
    }

    /** A task event for {@code taskId}, keyed by the subject, in the cause's tenant and trace. */
    void task(EventEnvelope<?> cause, UUID taskId, String subjectId, TaskEvent event) {
        send(Topics.TASK_EVENTS, subjectId, new EventEnvelope<>(UUID.randomUUID().toString(), Topics.TASK_EVENTS_NAME,
                taskId, cause.tenantId(), subjectId, cause.contentHash(), java.time.Instant.now(), cause.traceparent(), event));
    }

    /** Dead-letters a record that failed for good and fails its task (the consume kit's one writer). */
    void failForGood(ConsumerRecord<String, byte[]> record, Exception cause, TaskFailure failure) {
        pending.add(deadLetters.failForGood(record, cause, failure));
    }

    /** Blocks until every send is acknowledged; throws (so the batch is retried) otherwise. */
    void awaitAcks(long timeoutMillis) throws Exception {
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(timeoutMillis, TimeUnit.MILLISECONDS);
    }
}
