package com.talentpipeline.core.erasure;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.resume.ResumeUpdated;
import com.talentpipeline.core.topic.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import com.talentpipeline.core.kafka.consume.ConsumeKit;
import com.talentpipeline.core.kafka.consume.Received;
import com.talentpipeline.core.kafka.consume.TypedListener;

/**
 * The participants' side of the fan-out, in the service's own consumer group: on each
 * {@code resume.updated} "deleted" event it calls this service's {@link ErasureParticipant}s and
 * publishes each one's report. A re-delivered event erases nothing more and reports zeros, which the
 * tally ignores. An unreadable record is logged and skipped (the ingest API writes these events after
 * its own checks); a participant's or Kafka's failure escapes, so the container retries the batch.
 * Logs carry ids only.
 */
public class ErasureListener {

    private static final Logger log = LoggerFactory.getLogger(ErasureListener.class);

    private final List<ErasureParticipant> participants;
    private final ErasureReporter reporter;
    private final Duration timeout;

    private final TypedListener<ResumeUpdated> updates;

    public ErasureListener(List<ErasureParticipant> participants, ErasureReporter reporter, Duration timeout,
            ConsumeKit kit) {
        this.participants = List.copyOf(participants);
        this.reporter = reporter;
        this.timeout = timeout;
        // resume.updated's policy (skip and count an unreadable record) is the consume kit's, as everywhere.
        this.updates = kit.listener(Topics.RESUME_UPDATED).handler(batch -> {
            for (Received<ResumeUpdated> received : batch) {
                ErasedResume.of(received.envelope()).ifPresent(this::erase);
            }
        });
    }

    @KafkaListener(id = "erasure-${spring.application.name:participant}", idIsGroup = false,
            topics = Topics.RESUME_UPDATED_NAME, batch = "true")
    public void onUpdates(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        updates.onBatch(records);
    }

    /** Each participant erases its data and reports what went. */
    void erase(ErasedResume resume) {
        for (ErasureParticipant participant : participants) {
            Map<String, Long> counts = participant.erase(resume).block(timeout);
            ErasureReport report = new ErasureReport(participant.name(), resume.resumeId(), counts);
            reporter.report(resume.taskId(), resume.tenantId(), report).block(timeout.plusSeconds(1));
            log.info("erasure task {}: {} erased resume {}: {}", resume.taskId(), participant.name(),
                    resume.resumeId(), report.counts());
        }
    }
}
