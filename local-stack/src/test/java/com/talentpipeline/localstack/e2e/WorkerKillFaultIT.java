package com.talentpipeline.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.embedding.EmbeddingWorkerApplication;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * Scenario 1: an embedding worker in a child JVM is killed with SIGKILL while it works through a
 * backlog (no shutdown, no commit of the batch in flight). After the in-process worker takes over,
 * every accepted task is SUCCEEDED exactly once: one task row, one result row, whatever the
 * number of SUCCEEDED events the redelivery produced.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class WorkerKillFaultIT {

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

    private static final int TASKS = 24;

    @Test
    void aWorkerKilledMidBatchLosesNothingAndDuplicatesNothing() throws Exception {
        FaultPipeline f = FaultPipeline.get();
        String marker = FaultPipeline.marker("kill");
        // The child runs with the in-process worker's own start properties (stack endpoints and the rest).
        Map<String, String> workerProperties = FaultPipeline.startProperties(f.pipeline.embeddingWorkerContext());
        f.pipeline.stopEmbeddingWorker();
        List<String> taskIds = new ArrayList<>();
        Set<String> resumeIds = new HashSet<>();
        for (int i = 0; i < TASKS; i++) {
            JsonNode accepted = f.client.submit("/v1/resumes", FaultPipeline.resume(marker + "-" + i));
            taskIds.add(accepted.get("task_id").asString());
            resumeIds.add(accepted.get("resume_id").asString());
        }

        Process child = startChildWorker(workerProperties);
        long killedAfter;
        long doneAtKill;
        long killedAt;
        List<String> pendingAtKill;
        try {
            boolean working = FaultPipeline.await(() -> f.tasksIn(taskIds, "SUCCEEDED") >= 1, Duration.ofSeconds(240));
            assertThat(working).as("the child worker processed something (see target/worker-child.log)").isTrue();
            killedAt = System.nanoTime();
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
            killedAfter = FaultPipeline.millisSince(killedAt);
            doneAtKill = f.tasksIn(taskIds, "SUCCEEDED");
            // The batch in flight when the worker died: only a rebalance frees its partitions.
            pendingAtKill = f.taskIdsIn(taskIds, "RUNNING");
        } finally {
            child.destroyForcibly();
            f.pipeline.startEmbeddingWorker();
        }
        assertThat(doneAtKill).as("killed before it finished the backlog").isLessThan(TASKS);
        long running = pendingAtKill.size();
        // Recovery: from the kill until the dead worker's work moves on (its in-flight tasks, or the next
        // unfinished task when it died between batches) -- bounded by the consumer session timeout.
        List<String> watched = pendingAtKill.isEmpty() ? taskIds : pendingAtKill;
        long watchedDone = pendingAtKill.isEmpty() ? doneAtKill + 1 : pendingAtKill.size();
        boolean tookOver = FaultPipeline.await(() -> f.tasksIn(watched, "SUCCEEDED") >= watchedDone, Duration.ofSeconds(60));
        long recovery = FaultPipeline.millisSince(killedAt);
        assertThat(tookOver).as("the killed worker's tasks were taken over").isTrue();

        long restarted = System.nanoTime();
        for (String taskId : taskIds) {
            assertThat(f.awaitTerminal(taskId, Duration.ofSeconds(150)).get("state").asString()).isEqualTo("SUCCEEDED");
        }
        long recovered = FaultPipeline.millisSince(restarted);
        String[] ids = taskIds.toArray(String[]::new);
        assertThat(f.queryLong("SELECT count(*) FROM tasks WHERE id = ANY (?::uuid[])", (Object) ids)).isEqualTo(TASKS);
        assertThat(f.queryLong("SELECT count(*) FROM task_results WHERE task_id = ANY (?::uuid[])", (Object) ids))
                .as("one result row per task").isEqualTo(TASKS);
        assertThat(f.queryLong("SELECT count(DISTINCT task_id) FROM task_results WHERE task_id = ANY (?::uuid[])",
                (Object) ids)).isEqualTo(TASKS);

        // How many tasks the kill made the pipeline process twice (invisible above, visible on the topic).
        var events = Topics4Tests.read(f.pipeline, Topics.TASK_EVENTS_NAME, r -> resumeIds.contains(r.key())
                && FaultPipeline.isEmbeddingEvent(r, "SUCCEEDED"), TASKS + TASKS, Duration.ofSeconds(10));
        Map<String, Integer> perSubject = new HashMap<>();
        events.forEach(r -> perSubject.merge(r.key(), 1, Integer::sum));
        long twice = perSubject.values().stream().filter(n -> n > 1).count();
        FaultPipeline.record("worker kill: SIGKILL with " + doneAtKill + "/" + TASKS + " SUCCEEDED and " + running
                + " RUNNING (process gone in " + killedAfter + " ms); work taken over " + recovery
                + " ms after the kill; all " + TASKS + " SUCCEEDED " + recovered
                + " ms after the in-process worker restart began; " + twice
                + " tasks had a second SUCCEEDED event (redelivered), still one task and one result row each");
        assertThat(recovery).as("recovery after a worker is killed (session timeout 10 s)").isLessThan(15_000);
    }

    /** The embedding worker in a JVM of its own, against the fault stack, small batches. */
    private static Process startChildWorker(Map<String, String> workerProperties) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:+UseSerialGC",
                "-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true",
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", classpath, EmbeddingWorkerApplication.class.getName()));
        Map<String, String> properties = new HashMap<>(workerProperties);
        properties.put("server.port", "0");
        properties.put("spring.kafka.consumer.max-poll-records", "4");
        properties.put("management.metrics.tags.suite", "faults-child");
        properties.forEach((k, v) -> command.add("--" + k + "=" + v));
        File log = Path.of("target", "worker-child.log").toFile();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        builder.environment().put("DJL_OFFLINE", "true");
        builder.environment().put("OPT_OUT_TRACKING", "true");
        return builder.start();
    }
}
