package com.talentpipeline.core.match;

/**
 * Payload of {@code job.clusters.requested}: k-means over the tenant's active jobs
 * ({@code POST /v1/jobs/clusters}). Key = the tenant id.
 *
 * @param k clusters wanted (2-50, checked at the front door), or null to choose by silhouette
 */
public record JobClustersRequested(Integer k) {
}
