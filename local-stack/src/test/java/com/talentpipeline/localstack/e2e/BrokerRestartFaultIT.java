package com.talentpipeline.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.topic.Topics;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * Scenario 2: the Kafka broker stops and comes back while clients keep submitting. Every answer is
 * 202 or 503 with Retry-After; every 202 is in the topic (nothing unacknowledged was accepted) and
 * reaches SUCCEEDED once the broker is back; a 503 left no resume row behind.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class BrokerRestartFaultIT {

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

    private record Outcome(long startedNanos, long millis, int status, String retryAfter, String body) {
    }

    @Test
    void whileTheBrokerIsAwayIngestAnswers503AndEverything202CompletesAfterItIsBack() throws Exception {
        FaultPipeline f = FaultPipeline.get();
        String marker = FaultPipeline.marker("broker");
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger sequence = new AtomicInteger();
        List<Thread> submitters = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread submitter = new Thread(() -> {
                while (running.get()) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = f.submitResume(FaultPipeline.resume(marker + "-" + sequence.incrementAndGet()));
                        outcomes.add(new Outcome(t0, FaultPipeline.millisSince(t0), r.statusCode(),
                                r.headers().firstValue("Retry-After").orElse(null), r.body()));
                    } catch (RuntimeException noAnswer) {
                        outcomes.add(new Outcome(t0, FaultPipeline.millisSince(t0), -1, null, noAnswer.toString()));
                    }
                    PipelineClient.sleep(150);
                }
            }, "broker-fault-submitter-" + t);
            submitter.start();
            submitters.add(submitter);
        }
        long stoppedAt;
        long restartedAt;
        try {
            PipelineClient.sleep(1500);
            stoppedAt = System.nanoTime();
            f.stack.kafkaServer().stop();
            FaultPipeline.record("broker: stopped in " + FaultPipeline.millisSince(stoppedAt) + " ms");
            // Long enough for several requests to run into the missing acknowledgement.
            FaultPipeline.await(() -> count(outcomes, 503, stoppedAt) >= 3, Duration.ofSeconds(40));
        } finally {
            restartedAt = System.nanoTime();
            f.stack.kafkaServer().start();
        }
        FaultPipeline.record("broker: restarted in " + FaultPipeline.millisSince(restartedAt) + " ms");
        boolean recovered = FaultPipeline.await(() -> count(outcomes, 202, restartedAt) >= 3, Duration.ofSeconds(90));
        running.set(false);
        for (Thread submitter : submitters) {
            submitter.join(60_000);
        }
        List<Outcome> all;
        synchronized (outcomes) {
            all = new ArrayList<>(outcomes);
        }
        assertThat(recovered).as("202 again after the broker came back: %s", all).isTrue();

        long firstAcceptedAfter = Long.MAX_VALUE;
        long max503 = 0;
        List<String> taskIds = new ArrayList<>();
        Set<String> resumeIds = new HashSet<>();
        for (Outcome o : all) {
            assertThat(o.status()).as("answer %s", o).isIn(202, 503);
            if (o.status() == 503) {
                assertThat(o.retryAfter()).as("Retry-After of %s", o).isNotBlank();
                assertThat(o.body()).contains("\"code\":\"unavailable\"");
                max503 = Math.max(max503, o.millis());
            } else {
                JsonNode body = PipelineJson.mapper().readTree(o.body());
                taskIds.add(body.get("task_id").asString());
                resumeIds.add(body.get("resume_id").asString());
                if (o.startedNanos() >= restartedAt) {
                    firstAcceptedAfter = Math.min(firstAcceptedAfter, (o.startedNanos() + o.millis() * 1_000_000 - restartedAt) / 1_000_000);
                }
            }
        }
        assertThat(count(all, 503, stoppedAt)).as("503 while the broker was away").isGreaterThanOrEqualTo(1);

        // 202 means acknowledged: every accepted resume's event is in the topic.
        var events = Topics4Tests.read(f.pipeline, Topics.RESUME_SUBMITTED_NAME, r -> resumeIds.contains(r.key()),
                resumeIds.size(), Duration.ofSeconds(60));
        assertThat(events.stream().map(r -> r.key()).distinct().count()).isEqualTo(resumeIds.size());
        // A 503 left nothing: exactly the accepted resumes exist.
        assertThat(f.queryLong("SELECT count(*) FROM resumes WHERE content->>'summary' LIKE ?", "%" + marker + "-%"))
                .isEqualTo(resumeIds.size());

        for (String taskId : taskIds) {
            assertThat(f.awaitTerminal(taskId, Duration.ofSeconds(120)).get("state").asString()).isEqualTo("SUCCEEDED");
        }
        FaultPipeline.record("broker: " + all.size() + " submissions, " + taskIds.size() + " accepted, "
                + count(all, 503, 0) + " answered 503 (slowest 503 " + max503 + " ms); first 202 " + firstAcceptedAfter
                + " ms after the restart began; all accepted SUCCEEDED " + FaultPipeline.millisSince(restartedAt)
                + " ms after it");
    }

    private static long count(List<Outcome> outcomes, int status, long after) {
        synchronized (outcomes) {
            return outcomes.stream().filter(o -> o.status() == status && o.startedNanos() >= after).count();
        }
    }
}
