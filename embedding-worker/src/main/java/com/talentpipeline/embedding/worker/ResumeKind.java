package com.talentpipeline.embedding.worker;

import com.talentpipeline.core.resume.ExperienceCalculator;
import com.talentpipeline.core.resume.ResumeEmbeddings;
import com.talentpipeline.core.resume.ResumeSubmitted;
import com.talentpipeline.core.task.ModelRef;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.topic.Topic;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.embedding.section.Sections;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Resume embeddings: {@code resume.submitted} to {@code resume.embedded}. */
@Component
public class ResumeKind implements DocumentKind<ResumeSubmitted, ResumeEmbeddings> {

    @Override
    public Topic<ResumeSubmitted> input() {
        return Topics.RESUME_SUBMITTED;
    }

    @Override
    public Topic<ResumeEmbeddings> output() {
        return Topics.RESUME_EMBEDDED;
    }

    @Override
    public TaskType taskType() {
        return TaskType.RESUME_EMBEDDING;
    }

    @Override
    public String cacheKind() {
        return "resume-embedding";
    }

    @Override
    public Map<String, List<String>> sections(ResumeSubmitted payload) {
        return Sections.ofResume(payload.resume());
    }

    @Override
    public ResumeEmbeddings result(ResumeSubmitted payload, ModelRef model, SectionVectors vectors) {
        var resume = payload.resume();
        // Computed on every run, not cached: "present" moves with the calendar.
        var metrics = new ResumeEmbeddings.Metrics(
                ExperienceCalculator.totalYears(resume.workExperience(), YearMonth.now()),
                resume.skills().size(),
                resume.workExperience().size());
        return new ResumeEmbeddings(payload.resumeId(), payload.version(), model, vectors.means(), vectors.counts(),
                metrics);
    }

    @Override
    public String resultLink(ResumeSubmitted payload) {
        return "/v1/resumes/" + payload.resumeId() + "/embeddings";
    }
}
