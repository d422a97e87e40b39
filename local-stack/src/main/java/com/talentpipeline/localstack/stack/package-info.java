/**
 * Real infrastructure for local runs and tests: Kafka (KRaft), PostgreSQL and Redis.
 *
 * <p>{@link com.talentpipeline.localstack.stack.EmbeddedStack} runs all three on loopback without
 * Docker: Kafka inside this JVM, PostgreSQL and Redis as real server binaries shipped in Maven
 * Central jars, each keeping its data under one directory so restarts keep state.
 * {@link com.talentpipeline.localstack.stack.ContainerStack} runs the same trio in Docker through
 * Testcontainers, and {@link com.talentpipeline.localstack.stack.Stacks#forTests()} picks one at run
 * time. Both implement {@link com.talentpipeline.localstack.stack.Stack} and describe themselves
 * with {@link com.talentpipeline.localstack.stack.StackEndpoints}.
 */
package com.talentpipeline.localstack.stack;
