package com.talentpipeline.localstack.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/**
 * {@link Stacks#forTests()} follows what Docker answers. Never skipped: without Docker (as on the
 * build machines) it must hand out the embedded stack, with Docker the container stack, and either
 * must serve Kafka, PostgreSQL and Redis.
 */
class StacksTest {

    @Test
    void forTestsPicksTheStackDockerAllowsAndItServes() throws Exception {
        boolean docker = DockerClientFactory.instance().isDockerAvailable();
        boolean forced = System.getenv("STACK_MODE") != null || System.getProperty("local.stack.mode") != null;
        Stack stack = Stacks.forTests();
        if (!forced) {
            assertThat(Stacks.isDockerAvailable()).isEqualTo(docker);
            assertThat(stack).isInstanceOf(docker ? ContainerStack.class : EmbeddedStack.class);
        }
        Path embeddedDir = stack instanceof EmbeddedStack e ? e.settings().dataDir() : null;
        try {
            StackEndpoints ep = stack.start();
            try (Connection c = StackTestSupport.jdbc(ep); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select current_database()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("talent");
            }
            assertThat(StackTestSupport.redis(ep, "PING")).isEqualTo("+PONG");
            assertThat(stack.createTopics(java.util.List.of(TopicSpec.of("stacks-test", 1)))).containsExactly("stacks-test");
            StackTestSupport.produce(ep, "stacks-test", "k", "v");
            assertThat(StackTestSupport.consume(ep, "stacks-test", 1, Duration.ofSeconds(30))).hasSize(1);
        } finally {
            stack.stop();
        }
        if (embeddedDir != null) {
            assertThat(Files.exists(embeddedDir)).as("temporary stack removes its directory").isFalse();
        }
    }

    @Test
    void dockerIsNotAvailableOnThisKindOfMachineSoTheEmbeddedStackIsChosen() {
        // Documents the build machines' situation; where Docker exists the containers are chosen.
        Stacks.Kind expected = DockerClientFactory.instance().isDockerAvailable() ? Stacks.Kind.CONTAINERS : Stacks.Kind.EMBEDDED;
        if (System.getenv("STACK_MODE") == null && System.getProperty("local.stack.mode") == null) {
            assertThat(Stacks.chosenKind()).isEqualTo(expected);
        }
    }
}
