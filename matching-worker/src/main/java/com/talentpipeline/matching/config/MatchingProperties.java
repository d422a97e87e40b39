package com.talentpipeline.matching.config;

import com.talentpipeline.matching.index.JobIndex;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the matching worker ({@code pipeline.matching.*}).
 *
 * @param weights          per tenant weights of the match percentage; a tenant not listed gets {@code default}
 * @param skillThreshold   cosine of two skill names' embeddings from which they count as the same skill
 *                         (after alias canonicalisation, which decides first)
 * @param batch            limits of batch compare
 * @param recommendations  limits of the recommendations endpoint
 * @param candidates       limits of the candidates (resumes for a job) endpoint
 * @param search           job search settings
 * @param clusters         clustering settings
 * @param embeddingsWait   how long a match task waits for a resume's or job's embeddings before it fails
 * @param index            job/resume index reader settings
 */
@ConfigurationProperties(prefix = "pipeline.matching")
public record MatchingProperties(
        @DefaultValue Map<String, Weights> weights,
        @DefaultValue("0.8") double skillThreshold,
        @DefaultValue Batch batch,
        @DefaultValue Recommendations recommendations,
        @DefaultValue Candidates candidates,
        @DefaultValue Search search,
        @DefaultValue Clusters clusters,
        @DefaultValue("60s") Duration embeddingsWait,
        @DefaultValue Index index) {

    /** Defaults everywhere (tests, benchmark). */
    public static MatchingProperties defaults() {
        return new MatchingProperties(Map.of(), 0.8, new Batch(1000, 100), new Recommendations(20, 100, 5),
                new Candidates(20, 100, 5, 1000, 5000), new Search(20, 100, 500, 0.5), new Clusters(10, 100, 42L, 2000), Duration.ofSeconds(60),
                new Index("matching-worker-index", Duration.ofMinutes(5), JobIndex.Scoring.PYTORCH));
    }

    /** The weights of a tenant: configured ones, else {@code default}, else 0.65/0.35. */
    public Weights weightsOf(String tenant) {
        Weights w = weights.get(tenant);
        if (w == null) {
            w = weights.get("default");
        }
        return w == null ? Weights.DEFAULT : w;
    }

    /**
     * Weights of the two components of {@code match_percentage}; they must sum to 1.
     *
     * @param skills     weight of skills_match
     * @param experience weight of experience_match
     */
    public record Weights(@DefaultValue("0.65") double skills, @DefaultValue("0.35") double experience) {
        /** The seed's weights. */
        public static final Weights DEFAULT = new Weights(0.65, 0.35);

        public Weights {
            if (skills < 0 || experience < 0 || Math.abs(skills + experience - 1.0) > 1e-6) {
                throw new IllegalArgumentException("pipeline.matching.weights: skills and experience must be >= 0 and sum to 1");
            }
        }
    }

    /**
     * @param maxJobs      most job ids in one batch request
     * @param defaultLimit results returned when the request sets no limit
     */
    public record Batch(@DefaultValue("1000") int maxJobs, @DefaultValue("100") int defaultLimit) {
    }

    /**
     * @param defaultLimit  jobs returned when the request sets no limit
     * @param maxLimit      largest accepted limit
     * @param candidateFactor vector top-k takes {@code limit * candidateFactor} candidates for the full rerank
     */
    public record Recommendations(@DefaultValue("20") int defaultLimit, @DefaultValue("100") int maxLimit,
            @DefaultValue("5") int candidateFactor) {
    }

    /**
     * @param defaultLimit    resumes per page when the request sets no limit
     * @param maxLimit        largest accepted page size
     * @param candidateFactor vector top-k takes {@code (offset + limit) * candidateFactor} resumes for the
     *                        full-comparison rerank
     * @param maxDepth        paging reaches this many ranked resumes (a cursor beyond is not issued)
     * @param maxScan         most resumes compared in full for one page: when filters reject candidates the
     *                        top-k doubles up to this bound
     */
    public record Candidates(@DefaultValue("20") int defaultLimit, @DefaultValue("100") int maxLimit,
            @DefaultValue("5") int candidateFactor, @DefaultValue("1000") int maxDepth,
            @DefaultValue("5000") int maxScan) {
    }

    /**
     * @param defaultLimit   results per page when the request sets no limit
     * @param maxLimit       largest accepted page size
     * @param candidates     full-text and semantic candidates each considered (pagination reaches this deep)
     * @param lexicalWeight  weight of the normalised ts_rank; the rest is the semantic similarity
     */
    public record Search(@DefaultValue("20") int defaultLimit, @DefaultValue("100") int maxLimit,
            @DefaultValue("500") int candidates, @DefaultValue("0.5") double lexicalWeight) {
    }

    /**
     * @param maxK          largest k tried when the request sets none (from 2)
     * @param maxIterations Lloyd iterations per run
     * @param seed          k-means++ seed (same jobs, same clusters)
     * @param silhouetteSample most points the silhouette is computed over (a seeded sample above)
     */
    public record Clusters(@DefaultValue("10") int maxK,
            @DefaultValue("100") int maxIterations, @DefaultValue("42") long seed,
            @DefaultValue("2000") int silhouetteSample) {
    }

    /**
     * @param groupId  consumer group of the index readers (assigned partitions, no commits that matter)
     * @param catchUpTimeout how long the recommendations listener waits for the job index before retrying
     * @param scoring  where top-k dot products run: PYTORCH (default, measured faster) or JAVA
     */
    public record Index(@DefaultValue("matching-worker-index") String groupId,
            @DefaultValue("5m") Duration catchUpTimeout, @DefaultValue("PYTORCH") JobIndex.Scoring scoring) {
    }
}
