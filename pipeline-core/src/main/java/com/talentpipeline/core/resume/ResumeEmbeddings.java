package com.talentpipeline.core.resume;

import com.talentpipeline.core.task.ModelRef;
import java.util.Map;

/**
 * Payload of {@code resume.embedded} and the result of a resume embedding task: per section, the
 * L2-normalised mean of the embeddings of that section's items. Sections without items are absent.
 *
 * @param resumeId       the resume
 * @param version        the resume version these belong to
 * @param model          the model that produced them
 * @param meanEmbeddings section name (summary, skills, workExperience, certifications) to vector
 * @param itemCounts     how many items each section's mean was taken over
 * @param metrics        numbers derived from the resume alongside the embeddings
 */
public record ResumeEmbeddings(
        String resumeId,
        int version,
        ModelRef model,
        Map<String, float[]> meanEmbeddings,
        Map<String, Integer> itemCounts,
        Metrics metrics) {

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
