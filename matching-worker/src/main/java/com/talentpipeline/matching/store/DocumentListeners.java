package com.talentpipeline.matching.store;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.job.JobSubmitted;
import com.talentpipeline.core.kafka.consume.ConsumeKit;
import com.talentpipeline.core.projection.DocumentProjection;
import com.talentpipeline.core.resume.ResumeSubmitted;
import com.talentpipeline.core.topic.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import reactor.core.publisher.Mono;

/**
 * Keeps {@link DocumentStore} current through the projection kit, and hands the ids of the jobs stored to
 * {@code jobsStored} (the job index loader indexes the ones it held back for want of their row). Its own
 * consumer group ({@code pipeline.matching.documents.group-id}, default {@code matching-worker-documents})
 * reads from the earliest offset, so a deployment that adds it to an existing pipeline fills the copy by
 * replaying the topics' retained records.
 */
public class DocumentListeners implements DocumentProjection.Store {

    private final DocumentStore documents;
    private final DocumentProjection projection;

    public DocumentListeners(DocumentStore documents, MeterRegistry meters, ConsumeKit kit,
            Consumer<Collection<String>> jobsStored) {
        this.documents = documents;
        this.projection = new DocumentProjection(kit, this, meters, "pipeline.matching.documents", jobsStored);
    }

    @KafkaListener(id = "matching-resume-documents", groupId = "${pipeline.matching.documents.group-id:matching-worker-documents}",
            topics = Topics.RESUME_SUBMITTED_NAME, batch = "true")
    public void onResumes(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        projection.onResumes(records);
    }

    @KafkaListener(id = "matching-job-documents", groupId = "${pipeline.matching.documents.group-id:matching-worker-documents}",
            topics = Topics.JOB_SUBMITTED_NAME, batch = "true")
    public void onJobs(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        projection.onJobs(records);
    }

    @Override
    public Mono<Boolean> saveResume(EventEnvelope<ResumeSubmitted> event) {
        ResumeSubmitted s = event.payload();
        return documents.saveResume(event.tenantId(), s.resumeId(), s.version(), event.contentHash(), s.resume(),
                s.upload());
    }

    @Override
    public Mono<Boolean> saveJob(EventEnvelope<JobSubmitted> event) {
        JobSubmitted s = event.payload();
        return documents.saveJob(event.tenantId(), s.jobId(), s.version(), event.contentHash(), s.job());
    }
}
