package com.talentpipeline.ingest.ask;

/**
 * Body of {@code POST /v1/matches}.
 *
 * @param resumeId the resume
 * @param jobId    the job
 */
record MatchRequest(String resumeId, String jobId) {
}
