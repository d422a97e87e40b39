package com.talentpipeline.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.security.ApiKeyStore;
import com.talentpipeline.core.task.Tenants;
import com.talentpipeline.localstack.pipeline.LocalPipeline;
import com.talentpipeline.localstack.stack.EmbeddedStack;
import com.talentpipeline.localstack.stack.StackSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.JsonNode;

/**
 * The stack and pipeline of the fault tests ({@code *FaultIT}): always the embedded servers (a
 * test stops and restarts them on the same port and data), in a temporary directory on free ports,
 * never the shared pipeline of the other integration tests, which must not see a broker go away.
 * The fault tests run in a JVM of their own (a failsafe execution of their own, see the pom), one
 * stack for all of them; each test leaves every server and service running as it found them.
 */
final class FaultPipeline {

    private static FaultPipeline instance;

    final EmbeddedStack stack;
    final LocalPipeline pipeline;
    final PipelineClient client;

    private FaultPipeline(EmbeddedStack stack, LocalPipeline pipeline, String key) {
        this.stack = stack;
        this.pipeline = pipeline;
        this.client = new PipelineClient(pipeline, key);
    }

    static synchronized FaultPipeline get() {
        if (instance == null) {
            try {
                Path base = Path.of(System.getProperty("java.io.tmpdir"));
                Files.createDirectories(base);
                EmbeddedStack stack = EmbeddedStack.temporary(
                        StackSettings.forTests(Files.createTempDirectory(base, "fault-stack-")));
                stack.start();
                LocalPipeline pipeline = LocalPipeline.start(stack, LocalPipeline.Ports.random(), Map.of(
                        "spring.kafka.consumer.max-poll-records", "8",
                        "management.metrics.tags.suite", "faults",
                        // API keys are checked here too (a key-store outage must be a 503, not a 401);
                        // the bucket is roomy so the load of the broker-restart test is never rate limited.
                        "pipeline.security.metrics-key", SharedPipeline.METRICS_KEY,
                        "pipeline.security.rate-limit.capacity", "100000",
                        "pipeline.security.rate-limit.refill-per-second", "100000"));
                // The default tenant's key: the events these tests write by hand carry tenant "default".
                String key = pipeline.resultsContext().getBean(ApiKeyStore.class)
                        .create(Tenants.DEFAULT, "fault tests", null, null).block(Duration.ofSeconds(30)).secret();
                instance = new FaultPipeline(stack, pipeline, key);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /**
     * Brings the stack back to healthy, whatever an earlier test (or its failure) left behind: every
     * server running, the in-process embedding worker started, and the services' pools answering (a
     * keyed read on the results API and the ingest API's readiness both 200). Each fault test calls it
     * first and again in its {@code finally}, so one test's failure never cascades into the next.
     */
    void ensureHealthy() {
        if (!stack.kafkaServer().isRunning()) {
            record("restoring: Kafka was down");
            stack.kafkaServer().start();
        }
        if (!stack.postgresServer().isRunning()) {
            record("restoring: PostgreSQL was down");
            stack.postgresServer().start();
        }
        if (!stack.redisServer().isRunning()) {
            record("restoring: Redis was down");
            stack.redisServer().start();
        }
        pipeline.startEmbeddingWorker();
        // Ingest's pool answers when erasing an unknown resume is a 404 (a 503 means no connection).
        boolean answering = await(() -> client.get(client.results("/v1/tasks?limit=1")).statusCode() == 200
                && client.get(client.ingest("/actuator/health/readiness")).statusCode() == 200
                && client.delete(client.ingest("/v1/resumes/" + UUID.randomUUID())).statusCode() == 404,
                Duration.ofSeconds(60));
        assertThat(answering).as("the fault stack answers again (results read, ingest ready and reaching PostgreSQL)")
                .isTrue();
    }

    /** A task event of the embedding stage (not the scoring worker's resume.score task on the same key). */
    static boolean isEmbeddingEvent(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record,
            String state) {
        String json = new String(record.value(), StandardCharsets.UTF_8);
        return json.contains("\"" + state + "\"") && json.contains("\"resume.embedding\"");
    }

    /**
     * The properties a service of the pipeline was started with (its command line: the stack's
     * endpoints and whatever LocalPipeline adds), to start another instance configured alike.
     */
    static Map<String, String> startProperties(org.springframework.context.ConfigurableApplicationContext context) {
        var source = context.getEnvironment().getPropertySources().get("commandLineArgs");
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        if (source instanceof org.springframework.core.env.EnumerablePropertySource<?> enumerable) {
            for (String name : enumerable.getPropertyNames()) {
                Object value = enumerable.getProperty(name);
                if (value != null) {
                    properties.put(name, value.toString());
                }
            }
        }
        return properties;
    }

    /** A realistic resume whose section texts (and so its cache key) are unique to {@code marker}. */
    static String resume(String marker) {
        return Seeds.javaKafkaResume("fault@example.com")
                .replace("Backend engineer building", "Backend engineer (" + marker + ") building");
    }

    /** A fresh marker for one test's submissions. */
    static String marker(String what) {
        return what + "-" + UUID.randomUUID();
    }

    /** POSTs a resume to the pipeline's ingest API. */
    HttpResponse<String> submitResume(String body) {
        return client.post(client.ingest("/v1/resumes"), body, Map.of());
    }

    /** Waits for the task to be terminal and returns it. */
    JsonNode awaitTerminal(String taskId, Duration timeout) {
        return client.awaitTerminal(taskId, timeout);
    }

    /** A single number from PostgreSQL. */
    long queryLong(String sql, Object... args) {
        var endpoints = stack.endpoints();
        try (Connection db = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.dbUser(), endpoints.dbPassword());
                PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e, e);
        }
    }

    /** Those of the given tasks that are in the given state, from PostgreSQL. */
    java.util.List<String> taskIdsIn(Collection<String> taskIds, String state) {
        var endpoints = stack.endpoints();
        try (Connection db = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.dbUser(), endpoints.dbPassword());
                PreparedStatement statement = db.prepareStatement(
                        "SELECT id::text FROM tasks WHERE id = ANY (?::uuid[]) AND state = ?")) {
            statement.setObject(1, taskIds.toArray(String[]::new));
            statement.setString(2, state);
            java.util.List<String> ids = new java.util.ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Number of the given tasks in the given state, from PostgreSQL. */
    long tasksIn(Collection<String> taskIds, String state) {
        return queryLong("SELECT count(*) FROM tasks WHERE id = ANY (?::uuid[]) AND state = ?",
                taskIds.toArray(String[]::new), state);
    }

    /** Waits until the condition holds; false when the timeout passed first. */
    static boolean await(BooleanSupplier condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            PipelineClient.sleep(50);
        }
        return condition.getAsBoolean();
    }

    /** Milliseconds since {@code t0} (System.nanoTime()). */
    static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** Appends a measured line to target/fault-timings.txt (and prints it) for the report. */
    static void record(String line) {
        System.out.println("[fault-timing] " + line);
        try {
            Path file = Path.of("target", "fault-timings.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, Instant.now() + " " + line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
