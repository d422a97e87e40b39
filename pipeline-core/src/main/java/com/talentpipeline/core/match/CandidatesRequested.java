package com.talentpipeline.core.match;

/**
 * Payload of {@code job.candidates.requested}: the tenant's best resumes for one of its open jobs
 * ({@code GET /v1/jobs/{jobId}/candidates}); the front door checked the job exists and is open. Key = job id.
 *
 * @param jobId    the job
 * @param limit    page size, or null for the worker's default
 * @param cursor   the previous page's {@code nextCursor}, or null
 * @param minScore lowest {@code match_percentage} (0-100), or null
 * @param location case-insensitive location filter, or null
 * @param remote   remote filter, or null
 */
public record CandidatesRequested(String jobId, Integer limit, String cursor, Double minScore, String location,
        Boolean remote) {
}
