package com.talentpipeline.matching.store;

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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Keeps {@link DocumentStore} current: every {@code resume.submitted} and {@code job.submitted} record is
 * upserted into the worker's own tables (latest version per id; a replayed, duplicate or out-of-order
 * record changes nothing), and the ids of the jobs stored go to {@code jobsStored} (the job index loader
 * indexes the ones it held back for want of their row). Its own consumer group
 * ({@code pipeline.matching.documents.group-id}, default {@code matching-worker-documents}) reads from the
 * earliest offset, so a deployment that adds it to an existing pipeline fills the projection by replaying
 * the topics' retained records. Both topics are dead-lettered by their work consumer (the embedding
 * worker): here an unreadable record is skipped and counted, so it has one dead letter. A database error
 * escapes and the kit's error handler retries the batch.
 */
public class DocumentProjection {

    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);

    private final DocumentStore documents;
    private final MeterRegistry meters;
    private final Consumer<Collection<String>> jobsStored;
    private final TypedListener<ResumeSubmitted> resumes;
    private final TypedListener<JobSubmitted> jobs;

    public DocumentProjection(DocumentStore documents, MeterRegistry meters, ConsumeKit kit,
            Consumer<Collection<String>> jobsStored) {
        this.documents = documents;
        this.meters = meters;
        this.jobsStored = jobsStored;
        this.resumes = kit.listener(Topics.RESUME_SUBMITTED).observing().handler(this::resumes);
        this.jobs = kit.listener(Topics.JOB_SUBMITTED).observing().handler(this::jobs);
    }

    @KafkaListener(id = "matching-resume-documents", groupId = "${pipeline.matching.documents.group-id:matching-worker-documents}",
            topics = Topics.RESUME_SUBMITTED_NAME, batch = "true")
    public void onResumes(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        resumes.onBatch(records);
    }

    @KafkaListener(id = "matching-job-documents", groupId = "${pipeline.matching.documents.group-id:matching-worker-documents}",
            topics = Topics.JOB_SUBMITTED_NAME, batch = "true")
    public void onJobs(List<ConsumerRecord<String, byte[]>> records) throws Exception {
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
            Boolean stored = documents.saveResume(e.tenantId(), s.resumeId(), s.version(), e.contentHash(), s.resume(),
                    s.upload()).block(DB_TIMEOUT);
            count("resume", Boolean.TRUE.equals(stored) ? "stored" : "kept");
        }
    }

    void jobs(List<Received<JobSubmitted>> batch) {
        List<String> stored = new ArrayList<>();
        for (Received<JobSubmitted> received : batch) {
            EventEnvelope<JobSubmitted> e = received.envelope();
            JobSubmitted s = e.payload();
            if (s == null || s.job() == null) {
                count("job", "empty");
                continue;
            }
            boolean saved = Boolean.TRUE.equals(documents.saveJob(e.tenantId(), s.jobId(), s.version(), e.contentHash(),
                    s.job()).block(DB_TIMEOUT));
            if (saved) {
                stored.add(s.jobId());
            }
            count("job", saved ? "stored" : "kept");
        }
        if (!stored.isEmpty()) {
            jobsStored.accept(stored);
        }
    }

    private void count(String kind, String outcome) {
        Counter.builder("pipeline.matching.documents").description("Submitted documents applied to the matching "
                + "worker's projection, by kind and outcome (kept: a same or newer version was stored, or the resume was erased)")
                .tag("kind", kind).tag("outcome", outcome).register(meters).increment();
    }
}
