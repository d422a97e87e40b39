package com.talentpipeline.core.resume;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.talentpipeline.core.chunk.ResumeChunks;
import com.talentpipeline.core.task.ModelRef;
import com.talentpipeline.core.vector.PackedVector;
import java.util.Map;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Payload of {@code resume.embedded}: every vector a resume version needs, encoded once by the
 * embedding worker (the only service that encodes a resume's text). Downstream workers read them here:
 * the scoring worker the profile vector (career paths), the RAG worker the chunks and their vectors,
 * the matching worker the section means and the skill vectors.
 *
 * <p>The result of a resume embedding task (stored and served at {@code /v1/resumes/{id}/embeddings}) is
 * {@link #taskResult()}: the section means, counts and metrics, without the content and the per-item
 * vectors, which only the workers need. Those travel packed ({@link PackedVector}): a resume with 30
 * skills and 20 chunks is about 110 KB on the topic instead of about 230 KB as JSON numbers.
 *
 * @param resumeId       the resume
 * @param version        the resume version these belong to
 * @param model          the model that produced them
 * @param meanEmbeddings section name (summary, skills, workExperience, education, certifications) to the
 *                       L2-normalised mean of its items' vectors; sections without items are absent
 * @param itemCounts     how many items each section's mean was taken over
 * @param metrics        numbers derived from the resume alongside the embeddings
 * @param resume         the resume content these were computed from (for the scoring worker); null in a
 *                       task result
 * @param profile        the encoding of {@link ProfileText#of}; null in a task result
 * @param skillVectors   skill key ({@link com.talentpipeline.core.skill.SkillKeys#key}) to its vector;
 *                       null in a task result
 * @param chunks         the retrieval chunks and their vectors; null in a task result
 */
public record ResumeEmbeddings(
        String resumeId,
        int version,
        ModelRef model,
        Map<String, float[]> meanEmbeddings,
        Map<String, Integer> itemCounts,
        Metrics metrics,
        @JsonInclude(JsonInclude.Include.NON_NULL) Resume resume,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @JsonSerialize(using = PackedVector.Serializer.class)
        @JsonDeserialize(using = PackedVector.Deserializer.class) float[] profile,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @JsonSerialize(contentUsing = PackedVector.Serializer.class)
        @JsonDeserialize(contentUsing = PackedVector.Deserializer.class) Map<String, float[]> skillVectors,
        @JsonInclude(JsonInclude.Include.NON_NULL) ResumeChunks chunks) {

    /** Section vectors only, as in a task result. */
    public ResumeEmbeddings(String resumeId, int version, ModelRef model, Map<String, float[]> meanEmbeddings,
            Map<String, Integer> itemCounts, Metrics metrics) {
        this(resumeId, version, model, meanEmbeddings, itemCounts, metrics, null, null, null, null);
    }

    /** What the embedding task's result shows: section vectors, counts and metrics. */
    public ResumeEmbeddings taskResult() {
        return new ResumeEmbeddings(resumeId, version, model, meanEmbeddings, itemCounts, metrics);
    }

    /**
     * Derived numbers.
     *
     * @param totalExperienceYears union of role ranges, present counted to today
     * @param skillCount           number of skills
     * @param roleCount            number of roles
     */
    public record Metrics(double totalExperienceYears, int skillCount, int roleCount) {
    }
}
