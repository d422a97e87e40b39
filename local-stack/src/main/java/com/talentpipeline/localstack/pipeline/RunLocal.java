package com.talentpipeline.localstack.pipeline;

import com.talentpipeline.localstack.stack.EmbeddedStack;
import com.talentpipeline.localstack.stack.StackSettings;
import java.util.Map;

/**
 * {@code ./run-local}: starts the embedded stack (Kafka in KRaft mode, PostgreSQL, Redis, all on
 * 127.0.0.1 with data under {@code ./.local-stack/}) and then every service (on 127.0.0.1 too, or
 * {@code BIND_ADDRESS}), prints where they
 * answer, and on Ctrl-C stops the services first and the servers after them.
 */
public final class RunLocal {

    private RunLocal() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> env = System.getenv();
        StackSettings settings = StackSettings.fromEnvironment();
        long started = System.nanoTime();
        String metricsKey = DevApiKey.metricsKey(env, settings.dataDir());
        EmbeddedStack stack = new EmbeddedStack(settings);
        stack.start();
        LocalPipeline pipeline;
        try {
            pipeline = LocalPipeline.start(stack, LocalPipeline.Ports.fromEnvironment(env),
                    Map.of("pipeline.security.metrics-key", metricsKey));
        } catch (RuntimeException e) {
            stack.stop();
            throw e;
        }
        // Ctrl-C: the stack's shutdown hook closes the services, then stops the servers.
        var endpoints = stack.endpoints();
        String devKey = DevApiKey.ensure(pipeline, env, settings.dataDir());
        System.out.printf("""

                Talent pipeline is up in %.1f s (data in %s)
                  Ingest API        http://localhost:%d   (POST /v1/resumes, /v1/jobs, /v1/interviews, /v1/images)
                  Results API       http://localhost:%d   (GET /v1/tasks/{id}, /v1/resumes/{id}/embeddings, /score)
                  Embedding worker  http://localhost:%d/actuator/health
                  RAG worker        http://localhost:%d/actuator/health   (its API is asked at ingest)
                  Scoring worker    http://localhost:%d/actuator/health   (its API is asked at ingest/results)
                  Matching worker   http://localhost:%d/actuator/health
                  Detection worker  http://localhost:%d   (GET /v1/images/{id}/detections, POST /v1/images:detect)
                  API docs          http://localhost:%d/swagger-ui.html, http://localhost:%d/swagger-ui.html
                  Metrics           http://localhost:<port>/actuator/prometheus on each service
                                    (Authorization: Bearer $(cat %s/metrics-key))
                  Kafka             %s
                  PostgreSQL        %s (user %s)
                  Redis             %s:%d
                  API key (tenant default): %s
                    curl -H "Authorization: Bearer $KEY" http://localhost:%d/v1/tasks
                Press Ctrl-C to stop.
                %n""",
                (System.nanoTime() - started) / 1e9, settings.dataDir().toAbsolutePath().normalize(),
                pipeline.ingestPort(), pipeline.resultsPort(), pipeline.embeddingWorkerPort(), pipeline.ragWorkerPort(),
                pipeline.scoringWorkerPort(), pipeline.matchingWorkerPort(), pipeline.detectionWorkerPort(),
                pipeline.ingestPort(), pipeline.resultsPort(), settings.dataDir(),
                endpoints.kafkaBootstrapServers(), endpoints.jdbcUrl(), endpoints.dbUser(),
                endpoints.redisHost(), endpoints.redisPort(), devKey, pipeline.resultsPort());
        Thread.currentThread().join();
    }
}
