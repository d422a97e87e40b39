package com.talentpipeline.core.match;

import com.fasterxml.jackson.annotation.JsonInclude;
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
public record CandidatePage(String jobId, int jobVersion, int limit, List<MatchResult> candidates, String nextCursor) {
}
