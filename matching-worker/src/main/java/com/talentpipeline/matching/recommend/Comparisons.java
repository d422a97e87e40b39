package com.talentpipeline.matching.recommend;

import com.talentpipeline.core.cache.CacheKey;
import com.talentpipeline.core.cache.ResultCache;
import com.talentpipeline.core.hash.ContentHash;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.matching.compare.JobProfile;
import com.talentpipeline.matching.compare.MatchEngine;
import com.talentpipeline.core.match.MatchResult;
import com.talentpipeline.matching.compare.ResumeProfile;
import com.talentpipeline.matching.config.MatchingProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Comparisons cached 30 days by content (kind {@code comparison}; key = matcher version + resume content
 * hash and embeddings version + job content hash and version + the tenant's weights), each key
 * remembered under the resume id so an erasure evicts them. Blocking: worker threads only.
 */
public final class Comparisons {

    /** The cache kind (TTL {@code pipeline.cache.ttl.comparison}, 30 days by default). */
    public static final String KIND = "comparison";
    private static final Duration CACHE_WAIT = Duration.ofSeconds(2);

    private final MatchEngine engine;
    private final ResultCache cache;
    private final MatchingProperties properties;

    public Comparisons(MatchEngine engine, ResultCache cache, MatchingProperties properties) {
        this.engine = engine;
        this.cache = cache;
        this.properties = properties;
    }

    public MatchEngine engine() {
        return engine;
    }

    /**
     * A result and whether it came from the cache.
     *
     * @param result   the comparison
     * @param cacheHit true when read from Redis
     */
    public record Outcome(MatchResult result, boolean cacheHit) {
    }

    /** One comparison, through the cache. */
    public Outcome compare(ResumeProfile resume, JobProfile job) {
        return compare(engine.session(resume), job);
    }

    private Outcome compare(MatchEngine.Session session, JobProfile job) {
        ResumeProfile resume = session.resume();
        MatchingProperties.Weights weights = properties.weightsOf(resume.tenantId());
        CacheKey key = key(resume, job, weights);
        String cached = cache == null ? null : cache.get(key).block(CACHE_WAIT);
        if (cached != null) {
            try {
                return new Outcome(PipelineJson.mapper().readValue(cached, MatchResult.class), true);
            } catch (RuntimeException e) {
                // an unreadable entry is a miss; the fresh value below overwrites it
            }
        }
        MatchResult result = session.compare(job, weights);
        if (cache != null) {
            cache.put(key, PipelineJson.mapper().writeValueAsString(result))
                    .then(cache.remember(resume.resumeId(), key))
                    .block(CACHE_WAIT);
        }
        return new Outcome(result, false);
    }

    /** The cache key of a comparison. */
    public static CacheKey key(ResumeProfile resume, JobProfile job, MatchingProperties.Weights weights) {
        String material = resume.contentHash() + "|" + resume.version() + "|" + job.contentHash() + "|" + job.version()
                + "|" + weights.skills() + "|" + weights.experience();
        return new CacheKey(resume.tenantId(), KIND, MatchEngine.VERSION, ContentHash.ofText(material));
    }

    /**
     * Compares one resume with many jobs, reporting progress (0-100) every 5% of the jobs, and returns
     * the best {@code limit} by match percentage (ties by job id).
     */
    public List<MatchResult> batch(ResumeProfile resume, List<JobProfile> jobs, int limit, IntConsumer progress) {
        MatchEngine.Session session = engine.session(resume);
        List<MatchResult> results = new ArrayList<>(jobs.size());
        int step = Math.max(1, jobs.size() / 20);
        for (int i = 0; i < jobs.size(); i++) {
            results.add(compare(session, jobs.get(i)).result());
            if ((i + 1) % step == 0) {
                progress.accept((int) (100L * (i + 1) / jobs.size()));
            }
        }
        results.sort(ranking());
        return List.copyOf(results.subList(0, Math.min(limit, results.size())));
    }

    /** Best match percentage first, then job id (a stable order). */
    public static Comparator<MatchResult> ranking() {
        return Comparator.comparingDouble(MatchResult::matchPercentage).reversed().thenComparing(MatchResult::jobId);
    }
}
