package com.talentpipeline.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * Scenario 3: Redis goes away. The worker bypasses the cache (its failed look-ups counted as
 * {@code pipeline_cache_requests_total{result="error"}}) and results keep coming from the model; the
 * results API serves tasks and embeddings from PostgreSQL. Redis back: caching resumes (a hit).
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class RedisOutageFaultIT {

    /** Starts from a healthy stack whatever the test before left behind (servers up, worker started, pools answering). */
    @BeforeEach
    void healthyStack() {
        FaultPipeline.get().ensureHealthy();
    }

    /** Leaves a healthy stack whatever this test's assertions did. */
    @AfterEach
    void restoreStack() {
        FaultPipeline.get().ensureHealthy();
    }

    private static final String CACHE = "pipeline_cache_requests_total";

    @Test
    void withoutRedisResultsKeepComingFromTheModelAndCachingResumesWhenItIsBack() {
        FaultPipeline f = FaultPipeline.get();
        PipelineClient client = f.client;
        String marker = FaultPipeline.marker("redis");
        int worker = f.pipeline.embeddingWorkerPort();
        double errorsBefore = client.metric(worker, CACHE, "result=\"error\"");
        double hitsBefore = client.metric(worker, CACHE, "result=\"hit\"");

        long down = System.nanoTime();
        f.stack.redisServer().stop();
        List<String> resumeIds = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                JsonNode accepted = client.submit("/v1/resumes", FaultPipeline.resume(marker + "-" + i));
                JsonNode task = f.awaitTerminal(accepted.get("task_id").asString(), Duration.ofSeconds(90));
                assertThat(task.get("state").asString()).isEqualTo("SUCCEEDED");
                assertThat(task.get("cache_hit").asBoolean()).isFalse();
                resumeIds.add(accepted.get("resume_id").asString());
            }
            FaultPipeline.record("redis: 3 resumes SUCCEEDED without Redis in " + FaultPipeline.millisSince(down) + " ms");
            // The results API does not need Redis: tasks and embeddings come from PostgreSQL.
            HttpResponse<String> embeddings = client.get(client.results("/v1/resumes/" + resumeIds.get(0) + "/embeddings"));
            assertThat(embeddings.statusCode()).as(embeddings.body()).isEqualTo(200);
            assertThat(PipelineClient.json(embeddings).get("mean_embeddings").get("summary").size()).isEqualTo(384);
            assertThat(client.metric(worker, CACHE, "result=\"error\"")).as("cache errors counted")
                    .isGreaterThan(errorsBefore);
        } finally {
            f.stack.redisServer().start();
        }

        // Back up: the client reconnects; a document computed now is cached, and its resubmission hits.
        long up = System.nanoTime();
        String again = FaultPipeline.resume(marker + "-after");
        boolean hit = FaultPipeline.await(() -> {
            JsonNode accepted = client.submit("/v1/resumes", again);
            return f.awaitTerminal(accepted.get("task_id").asString(), Duration.ofSeconds(60)).get("cache_hit").asBoolean();
        }, Duration.ofSeconds(60));
        assertThat(hit).as("a cache hit after Redis came back").isTrue();
        assertThat(client.metric(worker, CACHE, "result=\"hit\"")).isGreaterThan(hitsBefore);
        FaultPipeline.record("redis: first cache hit " + FaultPipeline.millisSince(up) + " ms after Redis restarted");
    }
}
