package com.talentpipeline.results.resume;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.kafka.consume.ConsumeKit;
import com.talentpipeline.core.kafka.consume.Received;
import com.talentpipeline.core.kafka.consume.TypedListener;
import com.talentpipeline.core.resume.ResumeSubmitted;
import com.talentpipeline.core.topic.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Projects {@code resume.submitted} into {@code resume_versions} (group {@code results-api-resume-versions},
 * its own, so its offsets never mix with the task-events consumers of group {@code results-api}). Offsets are
 * committed after the batch is stored; a crash re-applies events, which the per-version upsert makes harmless.
 * A failed write fails the batch, which the consume kit's error handler retries (the database coming back).
 * It observes the topic: a record it cannot decode is the embedding worker's to dead-letter, and is skipped
 * here. Counts {@code results.resume.versions{outcome=stored|erased}}.
 */
@Component
class ResumeSubmittedListener {

    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);

    private final ResumeVersions versions;
    private final MeterRegistry meters;
    private final TypedListener<ResumeSubmitted> listener;

    ResumeSubmittedListener(ResumeVersions versions, ConsumeKit kit, MeterRegistry meters) {
        this.versions = versions;
        this.meters = meters;
        this.listener = kit.listener(Topics.RESUME_SUBMITTED).observing().handler(this::apply);
    }

    @KafkaListener(id = "resume-versions", groupId = "results-api-resume-versions", batch = "true",
            topics = Topics.RESUME_SUBMITTED_NAME)
    public void onEvents(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        listener.onBatch(records);
    }

    void apply(List<Received<ResumeSubmitted>> batch) {
        for (Received<ResumeSubmitted> received : batch) {
            EventEnvelope<ResumeSubmitted> envelope = received.envelope();
            Boolean stored = versions.record(envelope.tenantId(), envelope.payload(), envelope.occurredAt())
                    .block(DB_TIMEOUT);
            Counter.builder("results.resume.versions")
                    .description("resume.submitted events projected into resume_versions, by outcome")
                    .tag("outcome", Boolean.TRUE.equals(stored) ? "stored" : "erased")
                    .register(meters).increment();
        }
    }
}
