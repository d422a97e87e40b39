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
                  One base URL      http://localhost:%d   every public endpoint (routes of infra/k8s/base/ingress.yaml)
                  API docs          http://localhost:%d/swagger-ui.html (one document: /v3/api-docs)
                  Services' own ports, for operators (actuator health and metrics):
                    ingest %d, results %d, embedding %d, rag %d, scoring %d, matching %d, detection %d
                  Metrics           http://localhost:<service port>/actuator/prometheus
                                    (Authorization: Bearer $(cat %s/metrics-key))
                  Kafka             %s
                  PostgreSQL        %s (user %s)
                  Redis             %s:%d
                  API key (tenant default): %s
                    curl -H "Authorization: Bearer $KEY" http://localhost:%d/v1/tasks
                Press Ctrl-C to stop.
                %n""",
                (System.nanoTime() - started) / 1e9, settings.dataDir().toAbsolutePath().normalize(),
                pipeline.frontDoorPort(), pipeline.frontDoorPort(),
                pipeline.ingestPort(), pipeline.resultsPort(), pipeline.embeddingWorkerPort(), pipeline.ragWorkerPort(),
                pipeline.scoringWorkerPort(), pipeline.matchingWorkerPort(), pipeline.detectionWorkerPort(),
                settings.dataDir(), endpoints.kafkaBootstrapServers(), endpoints.jdbcUrl(), endpoints.dbUser(),
                endpoints.redisHost(), endpoints.redisPort(), devKey, pipeline.frontDoorPort());
        Thread.currentThread().join();
    }
}
