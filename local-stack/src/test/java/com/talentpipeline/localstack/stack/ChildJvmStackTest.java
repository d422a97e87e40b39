package com.talentpipeline.localstack.stack;

import static com.talentpipeline.localstack.stack.StackTestSupport.jdbc;
import static com.talentpipeline.localstack.stack.StackTestSupport.redis;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a stack in a child JVM and ends that JVM the two ways {@code run-local} ends: SIGKILL (a
 * crash) leaves PostgreSQL and Redis running on their ports, and the next start on the same data
 * directory must stop those orphans and come up with the data; SIGTERM (Ctrl-C) must stop every
 * server through the shutdown hook.
 */
class ChildJvmStackTest {

    @TempDir
    Path dir;

    @Test
    void startAfterKilledJvmStopsOrphansAndKeepsData() throws Exception {
        StackSettings settings = StackSettings.forTests(dir.resolve("stack"));
        Process child = startChild(settings);
        long pgPid;
        long redisPid;
        try {
            awaitReady(child, Duration.ofSeconds(120));
            pgPid = OrphanProcesses.readPid(settings.postgresDir().resolve("postmaster.pid")).orElseThrow();
            redisPid = OrphanProcesses.readPid(settings.redisDir().resolve("redis.pid")).orElseThrow();
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        // The crash left both servers running, still serving their ports.
        assertThat(ProcessHandle.of(pgPid).map(ProcessHandle::isAlive)).contains(true);
        assertThat(ProcessHandle.of(redisPid).map(ProcessHandle::isAlive)).contains(true);
        Readiness.awaitRedis(settings.host(), settings.redisPort(), Duration.ofSeconds(5));

        EmbeddedStack stack = new EmbeddedStack(settings);
        try {
            StackEndpoints ep = stack.start();
            System.out.println("[local-stack] start after SIGKILLed JVM (orphans stopped) took "
                    + stack.lastStartMillis() + " ms");
            assertThat(ProcessHandle.of(pgPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(ProcessHandle.of(redisPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(OrphanProcesses.readPid(settings.postgresDir().resolve("postmaster.pid")).orElseThrow())
                    .isNotEqualTo(pgPid);

            try (Connection c = jdbc(ep); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select v from crash")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("before crash");
            }
            assertThat(redis(ep, "GET", "crash")).isEqualTo("before crash");
        } finally {
            stack.stop();
        }
    }

    @Test
    void sigtermStopsEveryServerThroughTheShutdownHook() throws Exception {
        StackSettings settings = StackSettings.forTests(dir.resolve("stack"));
        Process child = startChild(settings);
        long pgPid;
        long redisPid;
        try {
            awaitReady(child, Duration.ofSeconds(120));
            pgPid = OrphanProcesses.readPid(settings.postgresDir().resolve("postmaster.pid")).orElseThrow();
            redisPid = OrphanProcesses.readPid(settings.redisDir().resolve("redis.pid")).orElseThrow();
            long t0 = System.nanoTime();
            child.destroy(); // SIGTERM, as Ctrl-C's SIGINT: shutdown hooks run
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            System.out.println("[local-stack] SIGTERM to exit of the child JVM took "
                    + (System.nanoTime() - t0) / 1_000_000 + " ms");
        } finally {
            child.destroyForcibly();
        }
        assertThat(OrphanProcesses.isRunning(pgPid)).isFalse();
        assertThat(OrphanProcesses.isRunning(redisPid)).isFalse();
        assertThat(settings.postgresDir().resolve("postmaster.pid")).doesNotExist();
        assertThat(settings.redisDir().resolve("redis.pid")).doesNotExist();
        for (int port : new int[] {settings.kafkaPort(), settings.kafkaControllerPort(), settings.postgresPort(), settings.redisPort()}) {
            OrphanProcesses.requirePortFree(settings.host(), port, "test", "none");
        }
    }

    private static Process startChild(StackSettings s) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        cmd.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(StackChildProcess.class.getName());
        cmd.add(s.dataDir().toString());
        cmd.add(Integer.toString(s.kafkaPort()));
        cmd.add(Integer.toString(s.kafkaControllerPort()));
        cmd.add(Integer.toString(s.postgresPort()));
        cmd.add(Integer.toString(s.redisPort()));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    /** Echoes the child's output and returns once it printed STACK-READY. */
    private static void awaitReady(Process child, Duration timeout) throws Exception {
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    System.out.println("[child] " + line);
                    if (line.contains("STACK-READY")) {
                        ready.complete(true);
                    }
                }
            } catch (Exception ignored) {
                // the child was killed
            }
            ready.complete(false);
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
        assertThat(ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS)).as("child stack started").isTrue();
    }
}
