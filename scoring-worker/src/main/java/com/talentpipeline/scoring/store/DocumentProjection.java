package com.talentpipeline.scoring.store;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.job.JobSubmitted;
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
 * Keeps {@link Documents} current: every {@code resume.submitted} and {@code job.submitted} record is
 * upserted into the worker's own tables (latest version per id; a replayed, duplicate or out-of-order
 * record changes nothing). Its own consumer group ({@code pipeline.scoring.documents.group-id}, default
 * {@code scoring-worker-documents}) reads from the earliest offset, so a deployment that adds it to an
 * existing pipeline fills the projection by replaying the topics' retained records. Both topics are
 * dead-lettered by their work consumer (the embedding worker): here an unreadable record is skipped and
 * counted, so it has one dead letter. A database error escapes and the kit's error handler retries the batch.
 */
@Component
public class DocumentProjection {

    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);

    private final Documents documents;
    private final MeterRegistry meters;
    private final TypedListener<ResumeSubmitted> resumes;
    private final TypedListener<JobSubmitted> jobs;

    public DocumentProjection(Documents documents, MeterRegistry meters, ConsumeKit kit) {
        this.documents = documents;
        this.meters = meters;
        this.resumes = kit.listener(Topics.RESUME_SUBMITTED).observing().handler(this::resumes);
        this.jobs = kit.listener(Topics.JOB_SUBMITTED).observing().handler(this::jobs);
    }

    @KafkaListener(id = "scoring-resume-documents", groupId = "${pipeline.scoring.documents.group-id:scoring-worker-documents}",
            topics = Topics.RESUME_SUBMITTED_NAME, batch = "true")
    void onResumes(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        resumes.onBatch(records);
    }

    @KafkaListener(id = "scoring-job-documents", groupId = "${pipeline.scoring.documents.group-id:scoring-worker-documents}",
            topics = Topics.JOB_SUBMITTED_NAME, batch = "true")
    void onJobs(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        jobs.onBatch(records);
    }

    void resumes(List<Received<ResumeSubmitted>> batch) {
        for (Received<ResumeSubmitted> received : batch) {
            EventEnvelope<ResumeSubmitted> e = received.envelope();
            ResumeSubmitted s = e.payload();
            if (s == null || s.resume() == null) {
                count("resume", "empty");
                continue;
            }
            String text = s.upload() == null ? null : s.upload().text();
            Boolean stored = documents.saveResume(e.tenantId(), s.resumeId(), s.version(), s.resume(), text)
                    .block(DB_TIMEOUT);
            count("resume", Boolean.TRUE.equals(stored) ? "stored" : "kept");
        }
    }

    void jobs(List<Received<JobSubmitted>> batch) {
        for (Received<JobSubmitted> received : batch) {
            EventEnvelope<JobSubmitted> e = received.envelope();
            JobSubmitted s = e.payload();
            if (s == null || s.job() == null) {
                count("job", "empty");
                continue;
            }
            Boolean stored = documents.saveJob(e.tenantId(), s.jobId(), s.version(), s.job()).block(DB_TIMEOUT);
            count("job", Boolean.TRUE.equals(stored) ? "stored" : "kept");
        }
    }

    private void count(String kind, String outcome) {
        Counter.builder("scoring.documents").description("Submitted documents applied to the scoring worker's "
                + "projection, by kind and outcome (kept: a same or newer version was stored, or the resume was erased)")
                .tag("kind", kind).tag("outcome", outcome).register(meters).increment();
    }
}
