package com.talentpipeline.embedding.worker;

import com.talentpipeline.core.job.JobEmbeddings;
import com.talentpipeline.core.job.JobSubmitted;
import com.talentpipeline.core.job.Job;
import com.talentpipeline.core.skill.SkillKeys;
import com.talentpipeline.core.task.ModelRef;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.topic.Topic;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.embedding.section.Sections;
import org.springframework.stereotype.Component;

/**
 * Job embeddings: {@code job.submitted} to {@code job.embedded}: section means and one vector per skill
 * (the matching worker compares skills by these and never encodes a job itself).
 */
@Component
class JobKind implements DocumentKind<JobSubmitted, JobEmbeddings> {

    private final SkillKeys skillKeys = SkillKeys.defaults();

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
    public EncodingPlan plan(JobSubmitted payload) {
        var job = payload.job();
        return new EncodingPlan(Sections.ofJob(job),
                skillKeys.textsByKey(job.skills().stream().map(Job.JobSkill::name).toList()), null, null);
    }

    @Override
    public JobEmbeddings result(JobSubmitted payload, ModelRef model, EncodedDocument vectors) {
        var job = payload.job();
        var facts = new JobEmbeddings.Facts(job.title(), job.company(), job.location(), job.experienceLevel(),
                job.status(), Boolean.TRUE.equals(job.remote()));
        return new JobEmbeddings(payload.jobId(), payload.version(), model, vectors.means(), vectors.counts(), facts,
                vectors.skills());
    }

    @Override
    public Object taskResult(JobEmbeddings result) {
        return result.taskResult();
    }

    @Override
    public String resultLink(JobSubmitted payload) {
        return "/v1/jobs/" + payload.jobId() + "/embeddings";
    }
}
