package com.talentpipeline.bench.sections;

import com.talentpipeline.bench.report.SectionResult;
import com.talentpipeline.bench.report.Stats;
import com.talentpipeline.core.json.PipelineJson;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Latency of one resume from POST to SUCCEEDED (seen in PostgreSQL, polled every 2 ms), one at a
 * time on an idle pipeline: new content (the model runs) against the same content submitted again
 * (a Redis hit, the model does not run).
 */
public final class CacheSection implements BenchSection {

    @Override
    public String id() {
        return "cache";
    }

    @Override
    public String title() {
        return "Cache: cached resubmission vs uncached submission";
    }

    @Override
    public SectionResult run(BenchContext context) {
        int n = context.size("cache.resumes", 20);
        List<String> resumes = context.corpus().resumes(n, "cache");
        context.pipeline();
        long[] uncached = new long[n];
        long[] cached = new long[n];
        for (int i = 0; i < n; i++) {
            uncached[i] = once(context, resumes.get(i), false);
        }
        for (int i = 0; i < n; i++) {
            cached[i] = once(context, resumes.get(i), true);
        }
        double uncachedP50 = Stats.percentileMillis(uncached, 50);
        double cachedP50 = Stats.percentileMillis(cached, 50);
        return new SectionResult(id(), title())
                .metric("resumes", n)
                .metric("uncached p50 ms", uncachedP50)
                .metric("uncached p99 ms", Stats.percentileMillis(uncached, 99))
                .metric("cached p50 ms", cachedP50)
                .metric("cached p99 ms", Stats.percentileMillis(cached, 99))
                .ratio("cached p50 / uncached p50", cachedP50, uncachedP50, "cached resubmission p50 ms",
                        "uncached submission p50 ms")
                .note("Each latency: HTTP POST until the task row is SUCCEEDED; the cached run is checked to be a"
                        + " cache hit (cacheHit true) and the uncached one not.");
    }

    private static long once(BenchContext context, String body, boolean expectHit) {
        long t0 = System.nanoTime();
        HttpResponse<String> response = context.submit("/v1/resumes", body);
        if (response.statusCode() != 202) {
            throw new IllegalStateException("submission answered " + response.statusCode() + ": " + response.body());
        }
        String taskId = PipelineJson.mapper().readTree(response.body()).get("taskId").asString();
        if (!context.awaitSucceeded(List.of(taskId), Duration.ofSeconds(60), 2)) {
            throw new IllegalStateException("task " + taskId + " not SUCCEEDED in 60 s");
        }
        long nanos = System.nanoTime() - t0;
        long hit = context.queryLong("SELECT count(*) FROM tasks WHERE id = ?::uuid AND cache_hit", taskId);
        if ((hit == 1) != expectHit) {
            throw new IllegalStateException("task " + taskId + " cache hit " + (hit == 1) + ", expected " + expectHit);
        }
        return nanos;
    }
}
