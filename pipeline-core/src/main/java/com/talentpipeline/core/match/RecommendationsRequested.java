package com.talentpipeline.core.match;

/**
 * Payload of {@code recommendations.requested}: the jobs recommended for one of the tenant's resumes
 * ({@code GET /v1/resumes/{resumeId}/recommendations}); the front door checked the resume exists. Key = resume id.
 *
 * @param resumeId the resume
 * @param limit    most jobs, or null for the worker's default
 * @param location case-insensitive location filter, or null
 * @param remote   remote filter, or null
 */
public record RecommendationsRequested(String resumeId, Integer limit, String location, Boolean remote) {
}
