package com.talentpipeline.localstack.e2e;

import com.talentpipeline.localstack.pipeline.LocalPipeline;
import com.talentpipeline.localstack.stack.Stack;
import com.talentpipeline.localstack.stack.Stacks;
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
            pipeline = LocalPipeline.start(stack, LocalPipeline.Ports.random(), Map.of(
                    "spring.kafka.consumer.max-poll-records", "8",
                    "management.metrics.tags.suite", "e2e",
                    // Workers re-announce their models (GET /v1/models) every second, not every 15 s.
                    "pipeline.models.announce-interval", "1s"));
        }
        return pipeline;
    }
}
