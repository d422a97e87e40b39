package com.talentpipeline.scoring.store;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.job.JobSubmitted;
import com.talentpipeline.core.kafka.consume.ConsumeKit;
import com.talentpipeline.core.projection.DocumentProjection;
import com.talentpipeline.core.resume.ResumeSubmitted;
import com.talentpipeline.core.topic.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps {@link Documents} current through the projection kit: resume versions with their upload's text, and
 * jobs. Its own consumer group ({@code pipeline.scoring.documents.group-id}, default
 * {@code scoring-worker-documents}) reads from the earliest offset, so a deployment that adds it to an
 * existing pipeline fills the copy by replaying the topics' retained records.
 */
@Component
class DocumentListeners implements DocumentProjection.Store {

    private final Documents documents;
    private final DocumentProjection projection;

    DocumentListeners(Documents documents, MeterRegistry meters, ConsumeKit kit) {
        this.documents = documents;
        this.projection = new DocumentProjection(kit, this, meters, "scoring.documents", stored -> { });
    }

    @KafkaListener(id = "scoring-resume-documents", groupId = "${pipeline.scoring.documents.group-id:scoring-worker-documents}",
            topics = Topics.RESUME_SUBMITTED_NAME, batch = "true")
    void onResumes(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        projection.onResumes(records);
    }

    @KafkaListener(id = "scoring-job-documents", groupId = "${pipeline.scoring.documents.group-id:scoring-worker-documents}",
            topics = Topics.JOB_SUBMITTED_NAME, batch = "true")
    void onJobs(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        projection.onJobs(records);
    }

    @Override
    public Mono<Boolean> saveResume(EventEnvelope<ResumeSubmitted> event) {
        ResumeSubmitted s = event.payload();
        return documents.saveResume(event.tenantId(), s.resumeId(), s.version(), s.resume(),
                s.upload() == null ? null : s.upload().text());
    }

    @Override
    public Mono<Boolean> saveJob(EventEnvelope<JobSubmitted> event) {
        JobSubmitted s = event.payload();
        return documents.saveJob(event.tenantId(), s.jobId(), s.version(), s.job());
    }
}
