package com.talentpipeline.core.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.talentpipeline.core.task.ModelRef;
import com.talentpipeline.core.vector.PackedVector;
import java.util.Map;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Payload of {@code job.embedded} and the result of a job embedding task: per section (jobTitle,
 * skills, requirements, experienceLevel, location), the L2-normalised mean of its items' embeddings,
 * plus the facts a job index filters on.
 *
 * @param jobId          the job
 * @param version        the job version these belong to
 * @param model          the model that produced them
 * @param meanEmbeddings section name to vector
 * @param itemCounts     how many items each section's mean was taken over
 * @param facts          filterable facts of the job
 * @param skillVectors   skill key ({@link com.talentpipeline.core.skill.SkillKeys#key}) to its vector, so the
 *                       matching worker never encodes a job's skills itself; null in a task result
 */
public record JobEmbeddings(
        String jobId,
        int version,
        ModelRef model,
        Map<String, float[]> meanEmbeddings,
        Map<String, Integer> itemCounts,
        Facts facts,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @JsonSerialize(contentUsing = PackedVector.Serializer.class)
        @JsonDeserialize(contentUsing = PackedVector.Deserializer.class) Map<String, float[]> skillVectors) {

    /** Section vectors only, as in a task result. */
    public JobEmbeddings(String jobId, int version, ModelRef model, Map<String, float[]> meanEmbeddings,
            Map<String, Integer> itemCounts, Facts facts) {
        this(jobId, version, model, meanEmbeddings, itemCounts, facts, null);
    }

    /** What the embedding task's result shows: section vectors, counts and facts. */
    public JobEmbeddings taskResult() {
        return new JobEmbeddings(jobId, version, model, meanEmbeddings, itemCounts, facts);
    }

    /** What a job index filters on without reading the job. */
    public record Facts(String title, String company, String location, ExperienceLevel experienceLevel,
            JobStatus status, boolean remote) {
    }
}
