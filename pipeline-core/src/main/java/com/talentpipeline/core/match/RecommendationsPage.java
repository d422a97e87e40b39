package com.talentpipeline.core.match;

import java.util.List;

/**
 * Answer of {@code GET /v1/resumes/{resumeId}/recommendations}; the keys of the worker's own
 * {@code recommendations} task result, so clients read both alike.
 *
 * @param resumeId        the resume
 * @param resumeVersion   the version the jobs were ranked for
 * @param limit           most jobs
 * @param recommendations the open jobs, best first
 */
public record RecommendationsPage(String resumeId, int resumeVersion, int limit, List<MatchResult> recommendations) {
}
