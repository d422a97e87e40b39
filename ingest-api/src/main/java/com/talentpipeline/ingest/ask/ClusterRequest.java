package com.talentpipeline.ingest.ask;

/**
 * Body of {@code POST /v1/jobs/clusters} (optional).
 *
 * @param k clusters wanted (2-50, below the number of active jobs); absent = chosen by silhouette
 */
record ClusterRequest(Integer k) {
}
