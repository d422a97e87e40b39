package com.talentpipeline.core.resume;

import java.util.List;
import java.util.UUID;

/**
 * Payload of {@code recommendations.updated}: the matching worker recomputed a resume's best jobs
 * (on a new resume version, or when the job index changed enough to matter).
 *
 * @param resumeId the resume
 * @param version  the resume version the jobs were ranked for
 * @param taskId   the {@code recommendations} task holding the full result, when there is one
 * @param jobs     the ranked jobs, best first
 */
public record RecommendationsUpdated(String resumeId, int version, UUID taskId, List<RecommendedJob> jobs) {

    public RecommendationsUpdated {
        jobs = jobs == null ? List.of() : List.copyOf(jobs);
    }

    /** One recommended job. */
    public record RecommendedJob(String jobId, String title, String company, double matchPercentage) {
    }
}
