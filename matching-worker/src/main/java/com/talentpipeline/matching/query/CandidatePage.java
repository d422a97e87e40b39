package com.talentpipeline.matching.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.talentpipeline.matching.compare.MatchResult;
import java.util.List;

/**
 * Answer of {@code GET /v1/jobs/{jobId}/candidates}.
 *
 * @param jobId      the job
 * @param jobVersion the job version ranked against
 * @param limit      page size
 * @param candidates the resumes, each with its comparison, best first
 * @param nextCursor the next page's cursor, null on the last page
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record CandidatePage(String jobId, int jobVersion, int limit, List<MatchResult> candidates, String nextCursor) {
}
