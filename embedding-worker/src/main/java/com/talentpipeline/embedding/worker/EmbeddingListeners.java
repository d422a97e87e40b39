package com.talentpipeline.embedding.worker;

import com.talentpipeline.core.topic.Topics;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The worker's consumers: one batch listener per input topic, in the group {@code embedding-worker}.
 * A poll returns up to {@code max-poll-records} submissions, which become one model call.
 */
@Component
public class EmbeddingListeners {

    private final EmbeddingBatchProcessor processor;
    private final ResumeKind resumes;
    private final JobKind jobs;

    public EmbeddingListeners(EmbeddingBatchProcessor processor, ResumeKind resumes, JobKind jobs) {
        this.processor = processor;
        this.resumes = resumes;
        this.jobs = jobs;
    }

    @KafkaListener(id = "resume-embedder", idIsGroup = false, topics = Topics.RESUME_SUBMITTED_NAME, batch = "true")
    public void onResumes(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        processor.process(resumes, records);
    }

    @KafkaListener(id = "job-embedder", idIsGroup = false, topics = Topics.JOB_SUBMITTED_NAME, batch = "true")
    public void onJobs(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        processor.process(jobs, records);
    }
}
