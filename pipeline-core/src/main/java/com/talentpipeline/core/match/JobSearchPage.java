package com.talentpipeline.core.match;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Answer of {@code GET /v1/jobs/search}.
 *
 * @param query      the stripped query
 * @param results    this page, best first
 * @param total      size of the ranked list
 * @param nextCursor the next page's cursor, null on the last page
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record JobSearchPage(String query, List<JobSearchHit> results, int total, String nextCursor) {
}
