package com.talentpipeline.core.job;

import com.talentpipeline.core.task.ModelRef;
import java.util.Map;

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
 */
public record JobEmbeddings(
        String jobId,
        int version,
        ModelRef model,
        Map<String, float[]> meanEmbeddings,
        Map<String, Integer> itemCounts,
        Facts facts) {

    /** What a job index filters on without reading the job. */
    public record Facts(String title, String company, String location, ExperienceLevel experienceLevel,
            JobStatus status, boolean remote) {
    }
}
