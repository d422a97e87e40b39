package com.talentpipeline.localstack.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StackSettingsTest {

    @Test
    void defaultsWhenEnvironmentIsEmpty() {
        StackSettings s = StackSettings.fromEnvironment(Map.of());
        assertThat(s.dataDir()).isEqualTo(Path.of(".local-stack").toAbsolutePath().normalize());
        assertThat(s.host()).isEqualTo("127.0.0.1");
        assertThat(s.kafkaPort()).isEqualTo(9092);
        assertThat(s.kafkaControllerPort()).isEqualTo(9093);
        assertThat(s.postgresPort()).isEqualTo(15432);
        assertThat(s.redisPort()).isEqualTo(16379);
        assertThat(s.database()).isEqualTo("talent");
        assertThat(s.user()).isEqualTo("talent");
        assertThat(s.password()).isEqualTo("talent");
        assertThat(s.toString()).doesNotContain("password");
    }

    @Test
    void environmentOverrides() {
        StackSettings s = StackSettings.fromEnvironment(Map.of(
                "STACK_DATA_DIR", "/tmp/x", "STACK_KAFKA_PORT", "19092", "STACK_KAFKA_CONTROLLER_PORT", "19093",
                "STACK_POSTGRES_PORT", "25432", "STACK_REDIS_PORT", "26379", "STACK_DB_NAME", "db",
                "STACK_DB_USER", "u", "STACK_DB_PASSWORD", "p w'"));
        assertThat(s.dataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(s.kafkaPort()).isEqualTo(19092);
        assertThat(s.kafkaControllerPort()).isEqualTo(19093);
        assertThat(s.postgresPort()).isEqualTo(25432);
        assertThat(s.redisPort()).isEqualTo(26379);
        assertThat(s.database()).isEqualTo("db");
        assertThat(s.user()).isEqualTo("u");
        assertThat(s.password()).isEqualTo("p w'");
    }

    @Test
    void rejectsBadValues() {
        assertThatThrownBy(() -> StackSettings.fromEnvironment(Map.of("STACK_REDIS_PORT", "abc")))
                .hasMessageContaining("STACK_REDIS_PORT");
        assertThatThrownBy(() -> StackSettings.fromEnvironment(Map.of("STACK_REDIS_PORT", "9092")))
                .hasMessageContaining("own port");
        assertThatThrownBy(() -> StackSettings.fromEnvironment(Map.of("STACK_DB_NAME", "x; drop")))
                .hasMessageContaining("identifier");
    }

    @Test
    void forTestsPicksDistinctFreePorts() {
        StackSettings s = StackSettings.forTests(Path.of("target/x"));
        assertThat(java.util.Set.of(s.kafkaPort(), s.kafkaControllerPort(), s.postgresPort(), s.redisPort())).hasSize(4);
        assertThat(s.dataDir()).isAbsolute();
        // Never inside the kernel's ephemeral range, where an outgoing connection could take it.
        int[] range = StackSettings.portsBelowEphemeralRange();
        assertThat(java.util.List.of(s.kafkaPort(), s.kafkaControllerPort(), s.postgresPort(), s.redisPort()))
                .allSatisfy(port -> assertThat(port).isBetween(range[0], range[1] - 1));
        assertThat(range[1]).isLessThanOrEqualTo(32768);
    }

    @Test
    void springPropertiesOfEndpoints() {
        StackEndpoints ep = StackEndpoints.of("127.0.0.1:9092", "127.0.0.1", 15432, "talent", "talent", "pw",
                "127.0.0.1", 16379);
        assertThat(ep.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:15432/talent");
        assertThat(ep.r2dbcUrl()).isEqualTo("r2dbc:postgresql://127.0.0.1:15432/talent");
        assertThat(ep.springProperties()).containsOnlyKeys(
                "spring.kafka.bootstrap-servers", "spring.r2dbc.url", "spring.r2dbc.username",
                "spring.r2dbc.password", "spring.data.redis.host", "spring.data.redis.port",
                "pipeline.db.jdbc-url", "pipeline.db.username", "pipeline.db.password");
        assertThat(ep.springProperties()).containsEntry("pipeline.db.password", "pw")
                .containsEntry("spring.data.redis.port", "16379");
    }

    @Test
    void topicSpecValidation() {
        assertThat(TopicSpec.compacted("a", 2).compacted()).isTrue();
        assertThatThrownBy(() -> TopicSpec.of("a", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TopicSpec.of(" ", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
