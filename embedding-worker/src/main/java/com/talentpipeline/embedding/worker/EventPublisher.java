package com.talentpipeline.embedding.worker;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.task.TaskEvent;
import com.talentpipeline.core.topic.Topic;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.core.trace.TaskTracing;
import com.talentpipeline.core.trace.Traceparent;
import com.talentpipeline.core.kafka.consume.DeadLetters;
import com.talentpipeline.core.kafka.consume.TaskFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends a batch's outgoing records and waits for all acknowledgements before the batch's offsets
 * are committed: a crash in between re-delivers the batch (at-least-once), whose effects are upserts.
 */
@Component
class EventPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final DeadLetters deadLetters;
    private final TaskTracing tracing;

    /** Without tracing (unit tests): records carry the envelope's traceparent header. */
    public EventPublisher(KafkaTemplate<String, byte[]> kafka, DeadLetters deadLetters) {
        this(kafka, deadLetters, TaskTracing.noop());
    }

    /**
     * @param deadLetters the consume kit's dead-letter writer
     * @param tracing     gives the traceparent of the task's current span, sent as the record header
     */
    @Autowired
    public EventPublisher(KafkaTemplate<String, byte[]> kafka, DeadLetters deadLetters, TaskTracing tracing) {
        this.kafka = kafka;
        this.deadLetters = deadLetters;
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

        /** Dead-letters a record that failed for good and fails its task (the consume kit's one writer). */
        public void failForGood(ConsumerRecord<String, byte[]> record, Exception cause, TaskFailure failure) {
            pending.add(deadLetters.failForGood(record, cause, failure));
        }

        /** Blocks until every send of the batch is acknowledged; throws so the batch is retried otherwise. */
        public void awaitAcks(long timeoutMillis) throws Exception {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(timeoutMillis, TimeUnit.MILLISECONDS);
        }
    }
}
