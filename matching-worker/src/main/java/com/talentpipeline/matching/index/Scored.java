package com.talentpipeline.matching.index;

import com.talentpipeline.matching.compare.JobProfile;

/**
 * A job and its vector similarity to a query.
 *
 * @param job   the job
 * @param score cosine similarity
 */
public record Scored(JobProfile job, double score) {
}
