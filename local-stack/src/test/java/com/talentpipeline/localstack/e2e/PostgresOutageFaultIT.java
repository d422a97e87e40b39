package com.talentpipeline.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.topic.Topics;
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
 * Scenario 4: PostgreSQL goes away. Ingest answers 503 with Retry-After within seconds and
 * publishes nothing; tasks accepted before the outage are processed by the worker meanwhile, the
 * results API's consumer retries their events and the tasks reach SUCCEEDED once PostgreSQL is back.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PostgresOutageFaultIT {

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

    @Test
    void withoutPostgresIngestAnswers503FastPublishesNothingAndResultsCatchUpAfterwards() throws Exception {
        FaultPipeline f = FaultPipeline.get();
        String marker = FaultPipeline.marker("postgres");
        // Accepted while PostgreSQL is up, processed while it is down.
        f.pipeline.stopEmbeddingWorker();
        List<String> taskIds = new ArrayList<>();
        List<String> resumeIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JsonNode accepted = f.client.submit("/v1/resumes", FaultPipeline.resume(marker + "-" + i));
            taskIds.add(accepted.get("task_id").asString());
            resumeIds.add(accepted.get("resume_id").asString());
        }

        long before = Topics4Tests.endOffsets(f.pipeline, Topics.RESUME_SUBMITTED_NAME);
        long down = System.nanoTime();
        f.stack.postgresServer().stop();
        long restarted;
        long slowest = 0;
        try {
            FaultPipeline.record("postgres: stopped in " + FaultPipeline.millisSince(down) + " ms");
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> refused = f.submitResume(FaultPipeline.resume(marker + "-refused-" + i));
                long millis = FaultPipeline.millisSince(t0);
                slowest = Math.max(slowest, millis);
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
                assertThat(refused.body()).contains("\"code\":\"unavailable\"");
                assertThat(refused.headers().firstValue("Retry-After")).isPresent();
                assertThat(millis).as("503 latency without PostgreSQL").isLessThan(5_000);
            }
            assertThat(Topics4Tests.endOffsets(f.pipeline, Topics.RESUME_SUBMITTED_NAME))
                    .as("nothing published while PostgreSQL is down").isEqualTo(before);

            // The worker does not need PostgreSQL: it embeds and reports; the results API cannot store yet.
            f.pipeline.startEmbeddingWorker();
            var succeeded = Topics4Tests.read(f.pipeline, Topics.TASK_EVENTS_NAME, r -> resumeIds.contains(r.key())
                    && FaultPipeline.isEmbeddingEvent(r, "SUCCEEDED"), 3, Duration.ofSeconds(120));
            assertThat(succeeded).as("SUCCEEDED events published while PostgreSQL is down").hasSize(3);
        } finally {
            restarted = System.nanoTime();
            f.stack.postgresServer().start();
            f.pipeline.startEmbeddingWorker();
        }
        for (String taskId : taskIds) {
            assertThat(f.awaitTerminal(taskId, Duration.ofSeconds(120)).get("state").asString()).isEqualTo("SUCCEEDED");
        }
        long caughtUp = FaultPipeline.millisSince(restarted);
        // Ingest works again too, at the first try: the pools validate connections, so none of the dead
        // ones from before the restart is handed to this request.
        HttpResponse<String> first = f.submitResume(FaultPipeline.resume(marker + "-after"));
        assertThat(first.statusCode()).as("the first submission after PostgreSQL is back: %s", first.body()).isEqualTo(202);
        FaultPipeline.record("postgres: 3 refusals, slowest 503 " + slowest + " ms; results caught up " + caughtUp
                + " ms after PostgreSQL restart began; ingest accepting again " + FaultPipeline.millisSince(restarted) + " ms after");
    }
}
