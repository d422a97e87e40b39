package com.talentpipeline.bench.sections;

import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.security.ApiKeyStore;
import com.talentpipeline.core.task.Tenants;
import com.talentpipeline.inference.config.TextModelProperties;
import com.talentpipeline.inference.text.DjlTextEncoder;
import com.talentpipeline.localstack.pipeline.LocalPipeline;
import com.talentpipeline.localstack.stack.EmbeddedStack;
import com.talentpipeline.localstack.stack.StackSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * What the sections share, started on first use and closed at the end: the batched encoder (the
 * project's {@link DjlTextEncoder}, default settings), the embedded stack with every service
 * ({@link LocalPipeline}, random ports, a temporary directory), an HTTP client and the corpus. It sees the
 * pipeline as a client does: tasks and results through the HTTP APIs with the bench's API key, never the
 * services' tables.
 */
public final class BenchContext implements AutoCloseable {

    private final long seed;
    private final Corpus corpus;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private DjlTextEncoder encoder;
    private EmbeddedStack stack;
    private LocalPipeline pipeline;
    private org.apache.kafka.clients.admin.Admin admin;

    public BenchContext(long seed) {
        this.seed = seed;
        this.corpus = new Corpus(seed);
    }

    public long seed() {
        return seed;
    }

    public Corpus corpus() {
        return corpus;
    }

    /** An integer setting: system property {@code bench.<name>}, else the default. */
    public int size(String name, int defaultValue) {
        return Integer.getInteger("bench." + name, defaultValue);
    }

    /** The project's encoder as the worker runs it (batch size from {@code pipeline.inference.text.batch-size}, 32). */
    public synchronized DjlTextEncoder encoder() {
        if (encoder == null) {
            encoder = loadEncoder(32);
        }
        return encoder;
    }

    /** A separate instance of the same model with the given batch size. */
    public static DjlTextEncoder loadEncoder(int batchSize) {
        TextModelProperties properties = new TextModelProperties();
        properties.setBatchSize(batchSize);
        return DjlTextEncoder.load(properties, null);
    }

    private String apiKey;

    /** The running pipeline (started on first use). */
    public synchronized LocalPipeline pipeline() {
        if (pipeline == null) {
            try {
                Path base = Path.of(System.getProperty("java.io.tmpdir"));
                Files.createDirectories(base);
                stack = EmbeddedStack.temporary(StackSettings.forTests(Files.createTempDirectory(base, "bench-stack-")));
                stack.start();
                pipeline = LocalPipeline.start(stack, LocalPipeline.Ports.random(), Map.of(
                        "management.metrics.tags.suite", "bench",
                        "logging.level.root", "WARN"));
                // Submissions go through the real API-key check, with a bucket the load never empties.
                apiKey = pipeline.resultsContext().getBean(ApiKeyStore.class)
                        .create(Tenants.DEFAULT, "bench", 1_000_000, 1_000_000.0)
                        .block(Duration.ofSeconds(30)).secret();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return pipeline;
    }

    public EmbeddedStack stack() {
        pipeline();
        return stack;
    }

    /** A POST with a JSON body to the ingest API. */
    public HttpResponse<String> submit(String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pipeline().ingestPort() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.net.http.HttpTimeoutException e) {
            // The services run in this JVM: their threads show where the request is stuck.
            StringBuilder dump = new StringBuilder("THREAD DUMP after timeout of " + request.uri() + "\n");
            Thread.getAllStackTraces().forEach((t, trace) -> {
                dump.append('"').append(t.getName()).append("\" ").append(t.getState()).append('\n');
                for (StackTraceElement element : trace) {
                    dump.append("    at ").append(element).append('\n');
                }
            });
            System.err.println(dump);
            throw new UncheckedIOException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET with the bench's API key to a service of the pipeline ({@code path} with its query, if any). */
    public HttpResponse<String> get(int port, String path) {
        HttpRequest request = getRequest(port, path);
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest getRequest(int port, String path) {
        pipeline();
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey)
                .GET()
                .build();
    }

    /** A task as {@code GET /v1/tasks/{id}} of the results API shows it to the bench's tenant. */
    public JsonNode task(String taskId) {
        HttpResponse<String> response = get(pipeline().resultsPort(), "/v1/tasks/" + taskId);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /v1/tasks/" + taskId + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return PipelineJson.mapper().readTree(response.body());
    }

    /**
     * A field of an HTTP answer by its camelCase name, or by the snake_case spelling of that name: the bench
     * reads the public JSON, whose keys are moving to snake_case.
     */
    public static JsonNode field(JsonNode node, String camelCase) {
        return node.has(camelCase) ? node.get(camelCase)
                : node.path(camelCase.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT));
    }

    /**
     * Waits until each GET answers 200, asking again only those that did not yet; false after the timeout. The
     * GETs of one round go out together, so a round takes about one answer's time however many are pending.
     */
    public boolean awaitOk(int port, Collection<String> paths, Duration timeout, long pollMillis) {
        return await(paths, path -> getRequest(port, path), response -> response.statusCode() == 200, timeout,
                pollMillis);
    }

    /**
     * Waits until all tasks are SUCCEEDED, polling {@code GET /v1/tasks/{id}} of the results API for the tasks not
     * yet seen SUCCEEDED; false after the timeout.
     */
    public boolean awaitSucceeded(Collection<String> taskIds, Duration timeout, long pollMillis) {
        int port = pipeline().resultsPort();
        return await(taskIds, id -> getRequest(port, "/v1/tasks/" + id), response -> response.statusCode() == 200
                && "SUCCEEDED".equals(PipelineJson.mapper().readTree(response.body()).path("state").asString("")),
                timeout, pollMillis);
    }

    private <T> boolean await(Collection<T> keys, Function<T, HttpRequest> request,
            Predicate<HttpResponse<String>> done, Duration timeout, long pollMillis) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<T> pending = new LinkedHashSet<>(keys);
        while (System.nanoTime() < deadline) {
            Map<T, CompletableFuture<HttpResponse<String>>> answers = new LinkedHashMap<>();
            for (T key : pending) {
                answers.put(key, http.sendAsync(request.apply(key), HttpResponse.BodyHandlers.ofString()));
            }
            answers.forEach((key, answer) -> {
                if (done.test(answer.join())) {
                    pending.remove(key);
                }
            });
            if (pending.isEmpty()) {
                return true;
            }
            sleep(pollMillis);
        }
        return false;
    }

    /**
     * Waits until every consumer group has committed every record of every topic (model.registry aside: its
     * announcements never stop), so the next measurement starts on an idle pipeline; false after the timeout.
     */
    public synchronized boolean awaitIdle(Duration timeout) {
        if (admin == null) {
            admin = org.apache.kafka.clients.admin.Admin.create(Map.of(
                    org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    stack().endpoints().kafkaBootstrapServers()));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                var groups = admin.listConsumerGroups().all().get().stream()
                        .map(org.apache.kafka.clients.admin.ConsumerGroupListing::groupId).toList();
                Map<org.apache.kafka.common.TopicPartition, Long> committed = new java.util.HashMap<>();
                for (String group : groups) {
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().forEach((tp, offset) -> {
                        if (offset != null && !tp.topic().equals("model.registry")) {
                            committed.merge(tp, offset.offset(), Math::min);
                        }
                    });
                }
                var latest = admin.listOffsets(committed.keySet().stream().collect(java.util.stream.Collectors.toMap(
                        tp -> tp, tp -> org.apache.kafka.clients.admin.OffsetSpec.latest()))).all().get();
                boolean idle = committed.entrySet().stream()
                        .allMatch(e -> latest.get(e.getKey()).offset() <= e.getValue());
                if (idle) {
                    return true;
                }
                sleep(20);
            }
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("consumer lag not readable: " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Pauses (true) or resumes (false) every Kafka listener of the workers and the results API, so a section
     * can measure ingest without the downstream work competing for the same cores.
     */
    public void pauseConsumers(boolean pause) {
        LocalPipeline p = pipeline();
        for (var context : java.util.List.of(p.embeddingWorkerContext(), p.ragWorkerContext(), p.scoringWorkerContext(),
                p.matchingWorkerContext(), p.detectionWorkerContext(), p.resultsContext())) {
            var registry = context.getBean(org.springframework.kafka.config.KafkaListenerEndpointRegistry.class);
            registry.getListenerContainers().forEach(c -> {
                if (pause) {
                    c.pause();
                } else {
                    c.resume();
                }
            });
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close();
        }
        if (encoder != null) {
            encoder.close();
        }
        if (stack != null) {
            stack.stop();
        }
    }
}
