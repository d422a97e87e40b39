package com.talentpipeline.scoring.worker;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.task.TaskEvent;
import com.talentpipeline.core.topic.Topic;
import com.talentpipeline.core.topic.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The sends of one polled batch, awaited together before the batch's offsets are committed: a crash in
 * between re-delivers the batch (at-least-once), whose effects are upserts keyed by deterministic ids.
 */
final class Outbox {

    private final KafkaTemplate<String, byte[]> kafka;
    private final MeterRegistry meters;
    private final List<CompletableFuture<?>> pending = new ArrayList<>();

    Outbox(KafkaTemplate<String, byte[]> kafka, MeterRegistry meters) {
        this.kafka = kafka;
        this.meters = meters;
    }

    <V> void send(Topic<V> topic, String key, EventEnvelope<V> envelope) {
        pending.add(kafka.send(new ProducerRecord<>(topic.name(), key, topic.encode(envelope))));
    }

    /** A task event for {@code taskId}, keyed by the subject, in the cause's tenant and trace. */
    void task(EventEnvelope<?> cause, UUID taskId, String subjectId, TaskEvent event) {
        send(Topics.TASK_EVENTS, subjectId, new EventEnvelope<>(UUID.randomUUID().toString(), Topics.TASK_EVENTS_NAME,
                taskId, cause.tenantId(), subjectId, cause.contentHash(), java.time.Instant.now(), cause.traceparent(), event));
    }

    /** Copies the record unchanged to the topic's DLT, with the failure in spring-kafka's DLT headers. */
    void deadLetter(Topic<?> topic, ConsumerRecord<String, byte[]> record, Exception cause) {
        var out = new ProducerRecord<>(topic.deadLetterTopic(), record.partition(), record.key(), record.value());
        out.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, utf8(record.topic()));
        out.headers().add(KafkaHeaders.DLT_ORIGINAL_PARTITION, utf8(Integer.toString(record.partition())));
        out.headers().add(KafkaHeaders.DLT_ORIGINAL_OFFSET, utf8(Long.toString(record.offset())));
        out.headers().add(KafkaHeaders.DLT_EXCEPTION_FQCN, utf8(cause.getClass().getName()));
        out.headers().add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, utf8(String.valueOf(cause.getMessage())));
        pending.add(kafka.send(out));
        Counter.builder("pipeline.dlt.messages").description("Records sent to a dead-letter topic")
                .tag("topic", topic.name()).register(meters).increment();
    }

    /** Blocks until every send is acknowledged; throws (so the batch is retried) otherwise. */
    void awaitAcks(long timeoutMillis) throws Exception {
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
