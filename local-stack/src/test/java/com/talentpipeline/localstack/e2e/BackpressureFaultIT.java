package com.talentpipeline.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.ingest.IngestApiApplication;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Scenario 7: with the worker stopped, an ingest API with {@code max-lag 3} accepts until the
 * worker group is more than 3 records behind, then answers 503 {@code backlog_full} with
 * Retry-After and stores and publishes nothing; once the worker drains the backlog it accepts again.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class BackpressureFaultIT {

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

    private static final int MAX_LAG = 3;

    @Test
    void ingestRefusesWithBacklogFullOverTheMaximumLagAndAcceptsAgainOnceTheWorkerCatchesUp() throws Exception {
        FaultPipeline f = FaultPipeline.get();
        String marker = FaultPipeline.marker("backlog");
        // The worker group has committed offsets on the topic (a group that never committed is not counted).
        JsonNode first = f.client.submit("/v1/resumes", FaultPipeline.resume(marker + "-warm"));
        assertThat(f.awaitTerminal(first.get("task_id").asString(), Duration.ofSeconds(90)).get("state").asString())
                .isEqualTo("SUCCEEDED");

        // A second ingest API configured like the pipeline's, with a tiny maximum lag.
        Map<String, String> properties = new LinkedHashMap<>(FaultPipeline.startProperties(f.pipeline.ingestContext()));
        properties.put("server.port", "0");
        properties.put("pipeline.ingest.backpressure.max-lag", Integer.toString(MAX_LAG));
        properties.put("pipeline.ingest.backpressure.refresh", "200ms");
        ConfigurableApplicationContext guarded = IngestApiApplication.start(properties.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        f.pipeline.stopEmbeddingWorker();
        try {
            String url = f.client.url(Integer.parseInt(guarded.getEnvironment().getProperty("local.server.port")), "/v1/resumes");
            List<String> accepted = new ArrayList<>();
            HttpResponse<String> refused = null;
            for (int i = 0; i < 30 && refused == null; i++) {
                HttpResponse<String> r = f.client.post(url, FaultPipeline.resume(marker + "-" + i), Map.of());
                if (r.statusCode() == 202) {
                    accepted.add(PipelineClient.json(r).get("task_id").asString());
                } else {
                    refused = r;
                }
                PipelineClient.sleep(300);
            }
            assertThat(refused).as("refused once the backlog passed %d", MAX_LAG).isNotNull();
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.body()).contains("\"code\":\"backlog_full\"");
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
            // Bounded: at most max-lag plus what one 200 ms measurement let through.
            assertThat(accepted.size()).isBetween(MAX_LAG, MAX_LAG + 3);

            long offsets = Topics4Tests.endOffsets(f.pipeline, Topics.RESUME_SUBMITTED_NAME);
            long rows = f.queryLong("SELECT count(*) FROM resumes WHERE content->>'summary' LIKE ?", "%" + marker + "-%");
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> r = f.client.post(url, FaultPipeline.resume(marker + "-refused-" + i), Map.of());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
            }
            assertThat(Topics4Tests.endOffsets(f.pipeline, Topics.RESUME_SUBMITTED_NAME)).as("nothing published")
                    .isEqualTo(offsets);
            assertThat(f.queryLong("SELECT count(*) FROM resumes WHERE content->>'summary' LIKE ?", "%" + marker + "-%"))
                    .as("nothing stored").isEqualTo(rows);

            long restarted = System.nanoTime();
            f.pipeline.startEmbeddingWorker();
            boolean open = FaultPipeline.await(() -> f.client.post(url, FaultPipeline.resume(marker + "-later"), Map.of())
                    .statusCode() == 202, Duration.ofSeconds(90));
            assertThat(open).as("accepting again after the worker caught up").isTrue();
            FaultPipeline.record("backpressure: " + accepted.size() + " accepted over max-lag " + MAX_LAG
                    + " before backlog_full; accepting again " + FaultPipeline.millisSince(restarted)
                    + " ms after the worker restart began (model load included)");
            for (String taskId : accepted) {
                assertThat(f.awaitTerminal(taskId, Duration.ofSeconds(90)).get("state").asString()).isEqualTo("SUCCEEDED");
            }
        } finally {
            f.pipeline.startEmbeddingWorker();
            guarded.close();
        }
    }
}
