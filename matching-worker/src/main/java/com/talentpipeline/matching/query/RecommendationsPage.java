package com.talentpipeline.matching.query;

import com.talentpipeline.matching.compare.MatchResult;
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
record RecommendationsPage(String resumeId, int resumeVersion, int limit, List<MatchResult> recommendations) {
}
