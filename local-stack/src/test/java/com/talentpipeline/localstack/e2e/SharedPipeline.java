package com.talentpipeline.localstack.e2e;

import com.talentpipeline.localstack.pipeline.LocalPipeline;
import com.talentpipeline.localstack.stack.Stack;
import com.talentpipeline.localstack.stack.Stacks;
import com.talentpipeline.core.security.ApiKeyStore;
import java.time.Duration;
import java.util.Map;

/**
 * One stack and one pipeline for every integration test in this JVM: starting Kafka, PostgreSQL,
 * Redis and the services once keeps the suite fast. Containers when Docker answers, the embedded
 * servers otherwise; never skipped. The stack's shutdown hook closes the services, then the servers.
 */
final class SharedPipeline {

    private static Stack stack;
    private static LocalPipeline pipeline;

    private SharedPipeline() {
    }

    static synchronized LocalPipeline get() {
        if (pipeline == null) {
            stack = Stacks.forTests();
            stack.start();
            // Small polls so the restart test can stop the worker between batches.
            pipeline = LocalPipeline.start(stack, LocalPipeline.Ports.random(), Map.ofEntries(
                    Map.entry("spring.kafka.consumer.max-poll-records", "8"),
                    Map.entry("management.metrics.tags.suite", "e2e"),
                    // Workers re-announce their models (GET /v1/models) every second, not every 15 s.
                    Map.entry("pipeline.models.announce-interval", "1s"),
                    // Security is on in the suite: keys for tenants A and B below, a roomy default
                    // bucket (RateLimitIT makes its own small one), the admin endpoints enabled.
                    Map.entry("pipeline.security.admin-key", ADMIN_KEY),
                    Map.entry("pipeline.security.metrics-key", METRICS_KEY),
                    // A stalled body is answered 408 after 2 s here (10 s by default) so the test is quick.
                    Map.entry("pipeline.security.read-timeout", "2s"),
                    Map.entry("pipeline.security.rate-limit.capacity", "100000"),
                    Map.entry("pipeline.security.rate-limit.refill-per-second", "100000"),
                    // Test receivers listen on loopback, which the SSRF guard refuses otherwise.
                    Map.entry("pipeline.webhooks.allowed-hosts", "127.0.0.1,localhost"),
                    // Webhook retries in fractions of a second, not minutes.
                    Map.entry("pipeline.webhooks.backoff-base", "200ms"),
                    Map.entry("pipeline.webhooks.backoff-max", "1s"),
                    Map.entry("pipeline.webhooks.poll-interval", "200ms")));
            ApiKeyStore keys = pipeline.resultsContext().getBean(ApiKeyStore.class);
            keyA = keys.create(TENANT_A, "e2e tenant A", null, null).block(Duration.ofSeconds(30)).secret();
            keyB = keys.create(TENANT_B, "e2e tenant B", null, null).block(Duration.ofSeconds(30)).secret();
        }
        return pipeline;
    }

    /** The tenant whose key PipelineClient sends by default. */
    static final String TENANT_A = "tenant-a";
    /** A second tenant, for isolation tests. */
    static final String TENANT_B = "tenant-b";
    /** The key the suite scrapes /actuator/prometheus with. */
    static final String METRICS_KEY = "e2e-metrics-key";
    /** The admin key of the results API's /admin/v1/keys in the suite. */
    static final String ADMIN_KEY = "e2e-admin-key";
    private static String keyA;
    private static String keyB;

    /** Tenant A's API key (starts the pipeline if needed). */
    static String keyA() {
        get();
        return keyA;
    }

    /** Tenant B's API key (starts the pipeline if needed). */
    static String keyB() {
        get();
        return keyB;
    }
}
