package com.talentpipeline.bench.sections;

import com.talentpipeline.bench.report.SectionResult;
import com.talentpipeline.bench.report.Stats;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.task.TaskIds;
import com.talentpipeline.core.task.Tenants;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Latency of one resume from POST to SUCCEEDED (seen in PostgreSQL, polled every 2 ms), one at a
 * time on an idle pipeline (every consumer group caught up before each POST, so the work the previous
 * submission caused downstream does not compete with the next one): new content (the model runs) against the same content submitted again
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
        List<String> scoreTasks = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            Answer answer = once(context, resumes.get(i), false);
            uncached[i] = answer.nanos();
            scoreTasks.add(TaskIds.resumeScore(Tenants.DEFAULT, answer.resumeId(), 1).toString());
        }
        // Every result of each resume (its score too) is known before it is submitted again.
        if (!context.awaitSucceeded(scoreTasks, Duration.ofSeconds(120), 50)) {
            throw new IllegalStateException("resume scores not SUCCEEDED in 120 s");
        }
        BenchContext.sleep(500); // the results API records them for the door right after storing them
        int atTheDoor = 0;
        for (int i = 0; i < n; i++) {
            Answer answer = once(context, resumes.get(i), true);
            cached[i] = answer.nanos();
            atTheDoor += answer.door() ? 1 : 0;
        }
        double uncachedP50 = Stats.percentileMillis(uncached, 50);
        double cachedP50 = Stats.percentileMillis(cached, 50);
        return new SectionResult(id(), title())
                .metric("resumes", n)
                .metric("uncached p50 ms", uncachedP50)
                .metric("uncached p99 ms", Stats.percentileMillis(uncached, 99))
                .metric("cached p50 ms", cachedP50)
                .metric("cached p99 ms", Stats.percentileMillis(cached, 99))
                .metric("cached answered at the door", atTheDoor)
                .ratio("cached p50 / uncached p50", cachedP50, uncachedP50, "cached resubmission p50 ms",
                        "uncached submission p50 ms")
                .note("Each latency: HTTP POST until GET /v1/tasks/{id} says SUCCEEDED (polled every 2 ms),"
                        + " each submission on an idle pipeline (all consumer groups caught up);"
                        + " the cached run is checked to be a cache hit (cacheHit true) and the uncached one not. A"
                        + " resubmission whose results are all known is answered at the door: its 202 says SUCCEEDED.");
    }

    /** One submission: its latency, resume id and whether the 202 already said SUCCEEDED. */
    private record Answer(long nanos, String resumeId, boolean door) {
    }

    private static Answer once(BenchContext context, String body, boolean expectHit) {
        if (!context.awaitIdle(Duration.ofSeconds(120))) {
            throw new IllegalStateException("the pipeline did not become idle in 120 s");
        }
        long t0 = System.nanoTime();
        HttpResponse<String> response = context.submit("/v1/resumes", body);
        if (response.statusCode() != 202) {
            throw new IllegalStateException("submission answered " + response.statusCode() + ": " + response.body());
        }
        var answer = PipelineJson.mapper().readTree(response.body());
        String taskId = answer.get("task_id").asString();
        if (!context.awaitSucceeded(List.of(taskId), Duration.ofSeconds(60), 2)) {
            throw new IllegalStateException("task " + taskId + " not SUCCEEDED in 60 s");
        }
        long nanos = System.nanoTime() - t0;
        boolean hit = BenchContext.field(context.task(taskId), "cacheHit").asBoolean(false);
        if (hit != expectHit) {
            throw new IllegalStateException("task " + taskId + " cache hit " + hit + ", expected " + expectHit);
        }
        return new Answer(nanos, answer.get("resume_id").asString(), "SUCCEEDED".equals(answer.get("status").asString()));
    }
}
