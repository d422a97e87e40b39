package com.talentpipeline.embedding.worker;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.task.TaskEvent;
import com.talentpipeline.core.topic.Topic;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.core.trace.TaskTracing;
import com.talentpipeline.core.trace.Traceparent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/**
 * Sends a batch's outgoing records and waits for all acknowledgements before the batch's offsets
 * are committed: a crash in between re-delivers the batch (at-least-once), whose effects are upserts.
 */
@Component
public class EventPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final MeterRegistry meters;
    private final TaskTracing tracing;

    /** Without tracing (unit tests): records carry the envelope's traceparent header. */
    public EventPublisher(KafkaTemplate<String, byte[]> kafka, MeterRegistry meters) {
        this(kafka, meters, TaskTracing.noop());
    }

    /**
     * @param tracing gives the traceparent of the task's current span, sent as the record header
     */
    @Autowired
    public EventPublisher(KafkaTemplate<String, byte[]> kafka, MeterRegistry meters, TaskTracing tracing) {
        this.kafka = kafka;
        this.meters = meters;
        this.tracing = tracing;
    }

    /** Collects the sends of one batch. */
    public Batch batch() {
        return new Batch();
    }

    /** The sends of one batch. */
    public final class Batch {
        private final List<CompletableFuture<?>> pending = new ArrayList<>();

        public <V> void send(Topic<V> topic, String key, EventEnvelope<V> envelope) {
            // The W3C traceparent header: the current span of the task's trace, else the envelope's.
            pending.add(kafka.send(Traceparent.attach(new ProducerRecord<>(topic.name(), key, topic.encode(envelope)),
                    tracing.currentOr(envelope.traceparent()))));
        }

        public void task(EventEnvelope<?> cause, TaskEvent event) {
            send(Topics.TASK_EVENTS, cause.subjectId(), cause.derive(Topics.TASK_EVENTS_NAME, cause.contentHash(), event));
        }

        /** Copies the record unchanged to the topic's DLT, with the failure in spring-kafka's DLT headers. */
        public void deadLetter(Topic<?> topic, ConsumerRecord<String, byte[]> record, Exception cause) {
            var out = new ProducerRecord<>(topic.deadLetterTopic(), record.partition(), record.key(), record.value());
            out.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, utf8(record.topic()));
            out.headers().add(KafkaHeaders.DLT_ORIGINAL_PARTITION, utf8(Integer.toString(record.partition())));
            out.headers().add(KafkaHeaders.DLT_ORIGINAL_OFFSET, utf8(Long.toString(record.offset())));
            out.headers().add(KafkaHeaders.DLT_EXCEPTION_FQCN, utf8(cause.getClass().getName()));
            out.headers().add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, utf8(String.valueOf(cause.getMessage())));
            pending.add(kafka.send(out));
            Counter.builder("pipeline.dlt.messages")
                    .description("Records sent to a dead-letter topic")
                    .tag("topic", topic.name())
                    .register(meters)
                    .increment();
        }

        /** Blocks until every send of the batch is acknowledged; throws so the batch is retried otherwise. */
        public void awaitAcks(long timeoutMillis) throws Exception {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(timeoutMillis, TimeUnit.MILLISECONDS);
        }

        private static byte[] utf8(String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
    }
}
