package com.talentpipeline.core.match;

/**
 * Payload of {@code match.requested}: compare one resume with one job ({@code POST /v1/matches}); the
 * front door checked both exist for the tenant and that the job is open. Key = resume id.
 *
 * @param resumeId the resume
 * @param jobId    the job
 */
public record MatchRequested(String resumeId, String jobId) {
}
