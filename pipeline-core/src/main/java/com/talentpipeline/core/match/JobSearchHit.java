package com.talentpipeline.core.match;

/**
 * One job found by the matching worker's hybrid search ({@code GET /v1/jobs/search}).
 *
 * @param jobId    the job
 * @param title    its title
 * @param company  its company
 * @param location its location
 * @param remote   remote flag
 * @param score    combined score (0-1)
 * @param lexical  normalised ts_rank (0-1)
 * @param semantic cosine of query and job
 */
public record JobSearchHit(String jobId, String title, String company, String location, boolean remote, double score,
        double lexical, double semantic) {
}
