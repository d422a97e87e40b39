package com.talentpipeline.core.match;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The matching worker's clustering of a tenant's active jobs ({@code POST /v1/jobs/clusters}).
 *
 * @param k          clusters
 * @param chosenBy   {@code request} or {@code silhouette}
 * @param silhouette mean silhouette of the chosen clustering
 * @param tried      k to mean silhouette, when k was chosen by silhouette
 * @param jobs       jobs clustered
 * @param clusters   the clusters, largest first
 */
public record JobClusters(int k, @JsonProperty("chosen_by") String chosenBy, double silhouette,
        Map<Integer, Double> tried, int jobs, List<JobCluster> clusters) {

    /**
     * One cluster of jobs.
     *
     * @param id              cluster number
     * @param size            jobs in it
     * @param topTerms        most specific words
     * @param representatives jobs closest to the centroid
     * @param silhouette      mean silhouette of its (sampled) members
     */
    public record JobCluster(int id, int size, @JsonProperty("top_terms") List<String> topTerms,
            List<ClusterRepresentative> representatives, double silhouette) {
    }

    /**
     * A job close to its cluster's centroid.
     *
     * @param jobId    the job
     * @param title    its title
     * @param company  its company
     * @param distance Euclidean distance to the centroid
     */
    public record ClusterRepresentative(String jobId, String title, String company, double distance) {
    }
}
