package com.talentpipeline.embedding.worker;

import com.talentpipeline.core.job.JobEmbeddings;
import com.talentpipeline.core.job.JobSubmitted;
import com.talentpipeline.core.task.ModelRef;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.topic.Topic;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.embedding.section.Sections;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Job embeddings: {@code job.submitted} to {@code job.embedded}. */
@Component
public class JobKind implements DocumentKind<JobSubmitted, JobEmbeddings> {

    @Override
    public Topic<JobSubmitted> input() {
        return Topics.JOB_SUBMITTED;
    }

    @Override
    public Topic<JobEmbeddings> output() {
        return Topics.JOB_EMBEDDED;
    }

    @Override
    public TaskType taskType() {
        return TaskType.JOB_EMBEDDING;
    }

    @Override
    public String cacheKind() {
        return "job-embedding";
    }

    @Override
    public Map<String, List<String>> sections(JobSubmitted payload) {
        return Sections.ofJob(payload.job());
    }

    @Override
    public JobEmbeddings result(JobSubmitted payload, ModelRef model, SectionVectors vectors) {
        var job = payload.job();
        var facts = new JobEmbeddings.Facts(job.title(), job.company(), job.location(), job.experienceLevel(),
                job.status(), Boolean.TRUE.equals(job.remote()));
        return new JobEmbeddings(payload.jobId(), payload.version(), model, vectors.means(), vectors.counts(), facts);
    }

    @Override
    public String resultLink(JobSubmitted payload) {
        return "/v1/jobs/" + payload.jobId() + "/embeddings";
    }
}
