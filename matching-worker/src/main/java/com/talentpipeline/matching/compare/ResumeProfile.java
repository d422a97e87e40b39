package com.talentpipeline.matching.compare;

import com.talentpipeline.inference.vector.Vectors;
import java.util.List;
import java.util.Map;

/**
 * What a comparison needs of a resume: its skill names, total experience, section vectors and the
 * query vector used for vector search.
 *
 * @param resumeId        the resume
 * @param tenantId        its tenant
 * @param version         the resume version of the embeddings
 * @param contentHash     hash of the stored content (part of the comparison cache key)
 * @param skills          skill names as written in the resume
 * @param experienceYears total years of experience (union of role ranges)
 * @param sections        section name (summary, skills, workExperience, ...) to unit vector
 */
public record ResumeProfile(String resumeId, String tenantId, int version, String contentHash, List<String> skills,
        double experienceYears, Map<String, float[]> sections) {

    public ResumeProfile {
        skills = List.copyOf(skills);
        sections = Map.copyOf(sections);
    }

    /** The vector used to search jobs: work experience + 2 x skills, normalised (see {@link JobProfile#vector()}). */
    public float[] queryVector() {
        return Vectors.normalisedMean(java.util.Arrays.asList(sections.get("workExperience"), sections.get("skills"),
                sections.get("skills")));
    }

    /** What the candidate has done, for title and requirements similarity: work experience, else summary. */
    public float[] backgroundVector() {
        float[] work = sections.get("workExperience");
        return work != null ? work : sections.get("summary");
    }
}
