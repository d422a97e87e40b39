package com.talentpipeline.embedding.worker;

import com.talentpipeline.core.job.JobSubmitted;
import com.talentpipeline.core.kafka.consume.ConsumeKit;
import com.talentpipeline.core.kafka.consume.TypedListener;
import com.talentpipeline.core.resume.ResumeSubmitted;
import com.talentpipeline.core.topic.Topics;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The worker's consumers: one batch listener per input topic, in the group {@code embedding-worker}.
 * A poll returns up to {@code max-poll-records} submissions, which become one model call. Decoding and
 * bad records (dead-lettered, their tasks FAILED) are the consume kit's.
 */
@Component
class EmbeddingListeners {

    private final TypedListener<ResumeSubmitted> resumes;
    private final TypedListener<JobSubmitted> jobs;

    public EmbeddingListeners(EmbeddingBatchProcessor processor, ResumeKind resumes, JobKind jobs, ConsumeKit kit) {
        this.resumes = processor.listener(kit, resumes);
        this.jobs = processor.listener(kit, jobs);
    }

    @KafkaListener(id = "resume-embedder", idIsGroup = false, topics = Topics.RESUME_SUBMITTED_NAME, batch = "true")
    public void onResumes(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        resumes.onBatch(records);
    }

    @KafkaListener(id = "job-embedder", idIsGroup = false, topics = Topics.JOB_SUBMITTED_NAME, batch = "true")
    public void onJobs(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        jobs.onBatch(records);
    }
}
