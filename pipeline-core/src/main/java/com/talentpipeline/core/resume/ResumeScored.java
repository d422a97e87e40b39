package com.talentpipeline.core.resume;

import java.util.UUID;

/**
 * Payload of {@code resume.scored}: the scoring worker finished a resume version. Only derived values,
 * never resume text or contact details, so webhook receivers get no personal data.
 *
 * @param resumeId      the resume
 * @param version       the resume version that was scored
 * @param taskId        the {@code resume.score} task holding the full result
 * @param overallScore  0-100
 * @param grade         A+ .. F
 * @param atsScore      0-100, without a target job
 * @param careerPath    the top career path
 * @param confidence    its confidence, 0-1
 * @param scorerVersion the scorer's version (part of the cache key)
 */
public record ResumeScored(String resumeId, int version, UUID taskId, int overallScore, String grade,
        int atsScore, String careerPath, double confidence, String scorerVersion) {
}
