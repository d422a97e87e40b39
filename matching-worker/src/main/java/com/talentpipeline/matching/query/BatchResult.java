package com.talentpipeline.matching.query;

import com.talentpipeline.core.match.MatchResult;
import java.util.List;

/**
 * Result of a {@code match.batch} task (keys as the README documents them since the batch existed).
 *
 * @param resumeId the resume
 * @param compared jobs compared
 * @param limit    best results kept
 * @param results  the best comparisons, ranked by {@code match_percentage}
 * @param skipped  closed jobs and jobs still without embeddings
 */
record BatchResult(String resumeId, int compared, int limit, List<MatchResult> results, List<String> skipped) {
}
