package com.talentpipeline.core.erasure;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.topic.ReactiveSends;
import com.talentpipeline.core.topic.Topics;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;

/**
 * Publishes a participant's {@link ErasureReport} on {@code task.events}, keyed by the erasure task id
 * so every report of one task lands on one partition and the results API tallies them in order.
 */
public class ErasureReporter {

    private final KafkaTemplate<String, byte[]> kafka;
    private final Duration timeout;

    public ErasureReporter(KafkaTemplate<String, byte[]> kafka, Duration timeout) {
        this.kafka = kafka;
        this.timeout = timeout;
    }

    /** Emits when Kafka acknowledged the report. */
    public Mono<Void> report(UUID taskId, String tenantId, ErasureReport report) {
        var envelope = EventEnvelope.of(Topics.TASK_EVENTS_NAME, taskId, tenantId, report.subject(), null, null,
                report.toTaskEvent());
        return ReactiveSends.acknowledged(kafka, new ProducerRecord<>(Topics.TASK_EVENTS_NAME, taskId.toString(),
                        Topics.TASK_EVENTS.encode(envelope)))
                .timeout(timeout)
                .then();
    }
}
