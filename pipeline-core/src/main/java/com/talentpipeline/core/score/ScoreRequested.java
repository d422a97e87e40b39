package com.talentpipeline.core.score;

/**
 * Payload of {@code score.requested}: a resume's latest score with its ATS score computed against one of
 * the caller's jobs ({@code GET /v1/resumes/{id}/score?jobId=}), asked by the results API and answered by
 * the scoring worker, which holds the scorer (the plain score is served from the published task result).
 * Key = resume id.
 *
 * @param resumeId the resume
 * @param jobId    the job to compute the ATS score against
 */
public record ScoreRequested(String resumeId, String jobId) {
}
