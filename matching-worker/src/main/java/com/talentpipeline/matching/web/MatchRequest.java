package com.talentpipeline.matching.web;

/**
 * Body of {@code POST /v1/matches}.
 *
 * @param resumeId the resume
 * @param jobId    the job
 */
public record MatchRequest(String resumeId, String jobId) {
}
