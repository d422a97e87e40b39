package com.talentpipeline.core.match;

/**
 * Payload of {@code job.search.requested}: a search over the tenant's active jobs ({@code GET /v1/jobs/search}),
 * answered from the matching worker's in-memory index. Key = the tenant id.
 *
 * @param query    the stripped, non-blank query (at most 500 characters)
 * @param location case-insensitive location filter, or null
 * @param remote   remote filter, or null
 * @param limit    page size, or null for the worker's default
 * @param cursor   the previous page's {@code nextCursor}, or null
 */
public record JobSearchRequested(String query, String location, Boolean remote, Integer limit, String cursor) {
}
