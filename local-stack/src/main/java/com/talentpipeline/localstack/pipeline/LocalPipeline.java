package com.talentpipeline.localstack.pipeline;

import com.talentpipeline.core.topic.Topic;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.embedding.EmbeddingWorkerApplication;
import com.talentpipeline.rag.RagWorkerApplication;
import com.talentpipeline.scoring.ScoringWorkerApplication;
import com.talentpipeline.detection.DetectionWorkerApplication;
import com.talentpipeline.ingest.IngestApiApplication;
import com.talentpipeline.matching.MatchingWorkerApplication;
import com.talentpipeline.localstack.frontdoor.FrontDoor;
import com.talentpipeline.localstack.frontdoor.FrontDoorRoutes;
import com.talentpipeline.localstack.stack.EmbeddedKafkaServer;
import com.talentpipeline.localstack.stack.Stack;
import com.talentpipeline.localstack.stack.StackSettings;
import com.talentpipeline.localstack.stack.TopicSpec;
import com.talentpipeline.results.ResultsApiApplication;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Every service of the pipeline, each its own Spring Boot application with its own configuration
 * file and port, started in this JVM against a running {@link Stack}. Start order follows the flow
 * of a task: the results API first, then the workers, then ingest, so nothing is accepted before
 * something can process it. Each service applies its own migration sets at start-up, kits first
 * ({@code pipeline.db.locations}), so every table exists before its owner needs it; the results API
 * creates the task, security and erasure kits' tables before any other service starts. Stopping the stack closes the services first.
 */
public final class LocalPipeline implements AutoCloseable {

    private final Stack stack;
    private final Ports ports;
    private final Map<String, String> extra;
    private ConfigurableApplicationContext results;
    private ConfigurableApplicationContext embeddingWorker;
    private ConfigurableApplicationContext ragWorker;
    private ConfigurableApplicationContext scoringWorker;
    private ConfigurableApplicationContext ingest;
    private ConfigurableApplicationContext matchingWorker;
    private ConfigurableApplicationContext detectionWorker;
    private FrontDoor frontDoor;

    private LocalPipeline(Stack stack, Ports ports, Map<String, String> extra) {
        this.stack = stack;
        this.ports = ports;
        this.extra = Map.copyOf(extra);
    }

    /**
     * Creates the registry's topics on the stack and starts every service.
     *
     * @param stack a started stack
     * @param ports HTTP ports (0 = any free port)
     * @param extra further properties for every service (override the services' files)
     */
    public static LocalPipeline start(Stack stack, Ports ports, Map<String, String> extra) {
        stack.createTopics(topicSpecs());
        LocalPipeline pipeline = new LocalPipeline(stack, ports, extra);
        stack.closeBeforeStopping(pipeline);
        // The front door's port is fixed before the services start: their Location headers and task links name it.
        int frontDoorPort = ports.frontDoor() != 0 ? ports.frontDoor() : StackSettings.freePorts(1)[0];
        String publicUrl = "http://localhost:" + frontDoorPort;
        try {
            pipeline.results = run(ResultsApiApplication::start, pipeline.properties(ports.results()));
            pipeline.startEmbeddingWorker();
            Map<String, String> ragProperties = pipeline.properties(ports.ragWorker());
            ragProperties.putIfAbsent("pipeline.rag.results-base-url", publicUrl);
            pipeline.ragWorker = run(RagWorkerApplication::start, ragProperties);
            Map<String, String> scoringProperties = pipeline.properties(ports.scoringWorker());
            scoringProperties.putIfAbsent("pipeline.scoring.results-base-url", publicUrl);
            pipeline.scoringWorker = run(ScoringWorkerApplication::start, scoringProperties);
            // The matching worker serves no public path (its queries come on Kafka), so it names no task URL.
            pipeline.matchingWorker = run(MatchingWorkerApplication::start, pipeline.properties(ports.matchingWorker()));
            Map<String, String> detectionProperties = pipeline.properties(ports.detectionWorker());
            detectionProperties.putIfAbsent("pipeline.detection.results-base-url", publicUrl);
            pipeline.detectionWorker = run(DetectionWorkerApplication::start, detectionProperties);
            Map<String, String> ingestProperties = pipeline.properties(ports.ingest());
            ingestProperties.putIfAbsent("pipeline.ingest.results-base-url", publicUrl);
            // The one OpenAPI document at the front door: every other service's paths merged into ingest's.
            ingestProperties.putIfAbsent("pipeline.openapi.merge-from", String.join(",", pipeline.otherServiceUrls()));
            pipeline.ingest = run(IngestApiApplication::start, ingestProperties);
            // The one base URL, opened last: nothing is routed before every service answers.
            pipeline.frontDoor = FrontDoor.start(FrontDoorRoutes.fromClasspath(), pipeline.serviceBaseUrls(),
                    System.getenv().getOrDefault("BIND_ADDRESS", "127.0.0.1"), frontDoorPort);
            return pipeline;
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
    }

    /** The Ingress's service names and where each service answers in this JVM. */
    Map<String, String> serviceBaseUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("ingest-api", "http://127.0.0.1:" + ingestPort());
        urls.put("results-api", "http://127.0.0.1:" + resultsPort());
        urls.put("rag-worker", "http://127.0.0.1:" + ragWorkerPort());
        urls.put("scoring-worker", "http://127.0.0.1:" + scoringWorkerPort());
        urls.put("matching-worker", "http://127.0.0.1:" + matchingWorkerPort());
        urls.put("detection-worker", "http://127.0.0.1:" + detectionWorkerPort());
        return urls;
    }

    /** The services besides ingest with public paths (workers have none): the front door's document merges them. */
    private java.util.List<String> otherServiceUrls() {
        return java.util.List.of("http://127.0.0.1:" + resultsPort());
    }

    /** The front door's port: every public endpoint, routed as the Ingress routes them. */
    public int frontDoorPort() {
        return frontDoor.port();
    }

    /** Every registry topic and its dead-letter topic, with the registry's partitions and policy. */
    public static List<TopicSpec> topicSpecs() {
        List<TopicSpec> specs = new ArrayList<>();
        for (Topic<?> topic : Topics.all()) {
            specs.add(TopicSpec.of(topic));
            specs.add(TopicSpec.of(topic.deadLetterTopic(), topic.partitions()));
        }
        return specs;
    }

    /** Starts the embedding worker (again, after {@link #stopEmbeddingWorker()}). */
    public synchronized void startEmbeddingWorker() {
        if (embeddingWorker == null || !embeddingWorker.isActive()) {
            embeddingWorker = run(EmbeddingWorkerApplication::start, properties(ports.embeddingWorker()));
        }
    }

    /** Stops the embedding worker gracefully, as an operator's restart would. */
    public synchronized void stopEmbeddingWorker() {
        if (embeddingWorker != null) {
            embeddingWorker.close();
        }
    }

    public ConfigurableApplicationContext ingestContext() {
        return ingest;
    }

    public ConfigurableApplicationContext ragWorkerContext() {
        return ragWorker;
    }

    /** The RAG worker's port: its query API ({@code /v1/rag/*}) and actuator. */
    public int ragWorkerPort() {
        return port(ragWorker);
    }

    public ConfigurableApplicationContext scoringWorkerContext() {
        return scoringWorker;
    }

    /** The scoring worker's port: its API ({@code /v1/resumes/{id}/score}, {@code /v1/career-paths/*}); interviews are posted to the ingest API. */
    public int scoringWorkerPort() {
        return port(scoringWorker);
    }

    public ConfigurableApplicationContext matchingWorkerContext() {
        return matchingWorker;
    }

    /** The matching worker's port: actuator only (its queries reach it through Kafka from the ingest API). */
    public int matchingWorkerPort() {
        return port(matchingWorker);
    }

    public ConfigurableApplicationContext detectionWorkerContext() {
        return detectionWorker;
    }

    /** The detection worker's port: its image API ({@code /v1/images:detect}, {@code /v1/images/{id}/detections}, compare, match-text) and actuator; uploads are posted to the ingest API. */
    public int detectionWorkerPort() {
        return port(detectionWorker);
    }

    public ConfigurableApplicationContext resultsContext() {
        return results;
    }

    public synchronized ConfigurableApplicationContext embeddingWorkerContext() {
        return embeddingWorker;
    }

    public int ingestPort() {
        return port(ingest);
    }

    public int resultsPort() {
        return port(results);
    }

    public synchronized int embeddingWorkerPort() {
        return port(embeddingWorker);
    }

    public Stack stack() {
        return stack;
    }

    /** Stops the services (not the stack), last started first. */
    @Override
    public synchronized void close() {
        if (frontDoor != null) {
            frontDoor.close();
            frontDoor = null;
        }
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {ingest, detectionWorker,
                matchingWorker, scoringWorker, ragWorker, embeddingWorker, results}) {
            if (context != null && context.isActive()) {
                context.close();
            }
        }
    }

    private Map<String, String> properties(int port) {
        Map<String, String> properties = new LinkedHashMap<>(stack.endpoints().springProperties());
        properties.put("server.port", Integer.toString(port));
        // Loopback unless told otherwise: a developer's pipeline is not a service for the network.
        properties.put("server.address", System.getenv().getOrDefault("BIND_ADDRESS", "127.0.0.1"));
        // The launcher owns shutdown: one hook closes services before the stack they talk to.
        properties.put("spring.main.register-shutdown-hook", "false");
        // One JVM has one logging system: a per-line application name would name the last service started.
        properties.put("logging.include-application-name", "false");
        // Each service re-initialises logging; keep the in-process broker's chatter down.
        String brokerLevel = System.getenv().getOrDefault("STACK_KAFKA_LOG_LEVEL", "WARN");
        EmbeddedKafkaServer.serverLoggerNames().forEach(name -> properties.put("logging.level." + name, brokerLevel));
        // Every public request arrives through the front door on loopback: its X-Forwarded-For names the client.
        properties.put("pipeline.security.failed-auth.trusted-proxies", "127.0.0.1");
        properties.putAll(extra);
        return properties;
    }

    private static ConfigurableApplicationContext run(Function<String[], ConfigurableApplicationContext> starter,
            Map<String, String> properties) {
        return starter.apply(properties.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "-1"));
    }

    /**
     * HTTP ports of the front door and the services.
     *
     * @param frontDoor        the one public base URL (default 8080, env FRONT_DOOR_PORT)
     * @param ingest           ingest API (default 8087, env INGEST_PORT)
     * @param results          results API (default 8081, env RESULTS_PORT)
     * @param embeddingWorker  embedding worker's actuator (default 8082, env EMBEDDING_WORKER_PORT)
     * @param ragWorker        RAG worker's query API (default 8083, env RAG_WORKER_PORT)
     * @param scoringWorker    scoring worker's API (default 8084, env SCORING_WORKER_PORT)
     * @param matchingWorker   matching worker's API (default 8085, env MATCHING_WORKER_PORT)
     * @param detectionWorker  detection worker's API (default 8086, env DETECTION_WORKER_PORT)
     */
    public record Ports(int frontDoor, int ingest, int results, int embeddingWorker, int ragWorker, int scoringWorker,
            int matchingWorker, int detectionWorker) {

        /** Any free ports, for tests. */
        public static Ports random() {
            return new Ports(0, 0, 0, 0, 0, 0, 0, 0);
        }

        /** The documented defaults, overridable by environment variables. */
        public static Ports fromEnvironment(Map<String, String> env) {
            return new Ports(
                    Integer.parseInt(env.getOrDefault("FRONT_DOOR_PORT", "8080")),
                    Integer.parseInt(env.getOrDefault("INGEST_PORT", "8087")),
                    Integer.parseInt(env.getOrDefault("RESULTS_PORT", "8081")),
                    Integer.parseInt(env.getOrDefault("EMBEDDING_WORKER_PORT", "8082")),
                    Integer.parseInt(env.getOrDefault("RAG_WORKER_PORT", "8083")),
                    Integer.parseInt(env.getOrDefault("SCORING_WORKER_PORT", "8084")),
                    Integer.parseInt(env.getOrDefault("MATCHING_WORKER_PORT", "8085")),
                    Integer.parseInt(env.getOrDefault("DETECTION_WORKER_PORT", "8086")));
        }
    }
}
