package com.talentpipeline.embedding.worker;

import com.talentpipeline.core.chunk.ChunkedResume;
import com.talentpipeline.core.chunk.ResumeChunker;
import com.talentpipeline.core.chunk.ResumeChunks;
import com.talentpipeline.core.resume.ExperienceCalculator;
import com.talentpipeline.core.resume.ProfileText;
import com.talentpipeline.core.resume.Resume;
import com.talentpipeline.core.resume.ResumeEmbeddings;
import com.talentpipeline.core.resume.ResumeSubmitted;
import com.talentpipeline.core.skill.SkillKeys;
import com.talentpipeline.core.task.ModelRef;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.topic.Topic;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.embedding.config.EmbeddingProperties;
import com.talentpipeline.embedding.section.Sections;
import java.time.YearMonth;
import org.springframework.stereotype.Component;

/**
 * Resume embeddings: {@code resume.submitted} to {@code resume.embedded}. One plan covers every vector a
 * resume version needs anywhere in the pipeline: section means (matching), skill vectors (skill-level
 * matching), the profile vector (career paths) and the retrieval chunks (RAG).
 */
@Component
public class ResumeKind implements DocumentKind<ResumeSubmitted, ResumeEmbeddings> {

    private final ResumeChunker chunker;
    private final int maxChunks;
    private final SkillKeys skillKeys = SkillKeys.defaults();

    public ResumeKind(EmbeddingProperties properties) {
        EmbeddingProperties.Chunking c = properties.chunking();
        this.chunker = new ResumeChunker(c.maxChars(), c.skillsPerChunk());
        this.maxChunks = c.maxChunks();
    }

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
    public EncodingPlan plan(ResumeSubmitted payload) {
        Resume resume = payload.resume();
        ChunkedResume chunked = chunker.chunk(resume);
        if (chunked.chunks().size() > maxChunks) {
            chunked = new ChunkedResume(chunked.text(), chunked.chunks().subList(0, maxChunks));
        }
        return new EncodingPlan(Sections.ofResume(resume),
                skillKeys.textsByKey(resume.skills().stream().map(Resume.Skill::name).toList()),
                ProfileText.of(resume), chunked);
    }

    @Override
    public ResumeEmbeddings result(ResumeSubmitted payload, ModelRef model, EncodedDocument vectors) {
        Resume resume = payload.resume();
        // Computed on every run, not cached: "present" moves with the calendar.
        var metrics = new ResumeEmbeddings.Metrics(
                ExperienceCalculator.totalYears(resume.workExperience(), YearMonth.now()),
                resume.skills().size(),
                resume.workExperience().size());
        // The plan is recomputed (cheap, no model) rather than cached: the chunks' texts come with the resume.
        ChunkedResume chunked = plan(payload).chunks();
        ResumeChunks chunks = new ResumeChunks(chunked.text(), chunked.chunks(), vectors.chunkVectors());
        return new ResumeEmbeddings(payload.resumeId(), payload.version(), model, vectors.means(), vectors.counts(),
                metrics, resume, vectors.profile(), vectors.skills(), chunks);
    }

    @Override
    public Object taskResult(ResumeEmbeddings result) {
        return result.taskResult();
    }

    @Override
    public String resultLink(ResumeSubmitted payload) {
        return "/v1/resumes/" + payload.resumeId() + "/embeddings";
    }
}
