package com.talentpipeline.matching.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.talentpipeline.matching.search.JobSearch;
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
record SearchPage(String query, List<JobSearch.Hit> results, int total, String nextCursor) {
}
