package com.talentpipeline.localstack.stack;

import static com.talentpipeline.localstack.stack.StackTestSupport.consume;
import static com.talentpipeline.localstack.stack.StackTestSupport.jdbc;
import static com.talentpipeline.localstack.stack.StackTestSupport.produce;
import static com.talentpipeline.localstack.stack.StackTestSupport.redis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** One embedded stack for the whole class, on free ports in a temporary directory. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedStackTest {

    @TempDir
    static Path dir;

    static StackSettings settings;
    static EmbeddedStack stack;
    static StackEndpoints ep;

    @BeforeAll
    static void startStack() {
        settings = StackSettings.forTests(dir.resolve("stack"));
        stack = new EmbeddedStack(settings);
        ep = stack.start();
        System.out.println("[local-stack] first start (fresh data dir) took " + stack.lastStartMillis() + " ms");
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    @Order(1)
    void endpointsPointAtLoopbackPorts() {
        assertThat(ep.kafkaBootstrapServers()).isEqualTo("127.0.0.1:" + settings.kafkaPort());
        assertThat(ep.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + settings.postgresPort() + "/talent");
        assertThat(ep.r2dbcUrl()).isEqualTo("r2dbc:postgresql://127.0.0.1:" + settings.postgresPort() + "/talent");
        assertThat(ep.redisHost()).isEqualTo("127.0.0.1");
        assertThat(ep.redisPort()).isEqualTo(settings.redisPort());
        assertThat(stack.isRunning()).isTrue();
        assertThat(stack.start()).as("start is idempotent").isSameAs(ep);
        assertThat(stack.endpoints()).isSameAs(ep);
    }

    @Test
    @Order(2)
    void kafkaRoundTrip() throws Exception {
        assertThat(stack.createTopics(List.of(TopicSpec.of("roundtrip", 3)))).containsExactly("roundtrip");
        produce(ep, "roundtrip", "resume-1", "hello");
        List<ConsumerRecord<String, String>> records = consume(ep, "roundtrip", 1, Duration.ofSeconds(30));
        assertThat(records).extracting(ConsumerRecord::key, ConsumerRecord::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("resume-1", "hello"));
    }

    @Test
    @Order(3)
    void topicCreatorKeepsExistingTopicsAndSetsCompaction() throws Exception {
        List<TopicSpec> topics = List.of(TopicSpec.compacted("resume.embedded", 2), TopicSpec.of("resume.submitted", 4));
        assertThat(stack.createTopics(topics)).containsExactlyInAnyOrder("resume.embedded", "resume.submitted");
        assertThat(stack.createTopics(topics)).as("second call ignores TopicExistsException").isEmpty();

        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, ep.kafkaBootstrapServers());
        try (Admin admin = Admin.create(p)) {
            Map<String, TopicDescription> d = admin.describeTopics(List.of("resume.embedded", "resume.submitted"))
                    .allTopicNames().get();
            assertThat(d.get("resume.embedded").partitions()).hasSize(2);
            assertThat(d.get("resume.submitted").partitions()).hasSize(4);
            ConfigResource res = new ConfigResource(ConfigResource.Type.TOPIC, "resume.embedded");
            String policy = admin.describeConfigs(List.of(res)).all().get().get(res).get("cleanup.policy").value();
            assertThat(policy).isEqualTo("compact");
        }
    }

    @Test
    @Order(4)
    void brokerDoesNotAutoCreateTopics() throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, ep.kafkaBootstrapServers());
        try (Admin admin = Admin.create(p)) {
            String value = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.BROKER, "1")))
                    .all().get().values().iterator().next().get("auto.create.topics.enable").value();
            assertThat(value).isEqualTo("false");
        }
    }

    @Test
    @Order(5)
    void postgresRoundTrip() throws Exception {
        try (Connection c = jdbc(ep); Statement s = c.createStatement()) {
            s.execute("create table probe (id int primary key, name text)");
            s.execute("insert into probe values (1, 'ada')");
            try (ResultSet rs = s.executeQuery("select name, current_user, current_database(), version() from probe where id = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("ada");
                assertThat(rs.getString(2)).isEqualTo("talent");
                assertThat(rs.getString(3)).isEqualTo("talent");
                assertThat(rs.getString(4)).startsWith("PostgreSQL 16.");
            }
        }
    }

    @Test
    @Order(6)
    void redisRoundTrip() throws Exception {
        assertThat(redis(ep, "SET", "greeting", "hello world")).isEqualTo("+OK");
        assertThat(redis(ep, "GET", "greeting")).isEqualTo("hello world");
        assertThat(redis(ep, "GET", "missing")).isNull();
        assertThat(redis(ep, "INFO", "server")).isNotNull();
    }

    @Test
    @Order(7)
    void secondStackOnSameDirectoryIsRefused() {
        EmbeddedStack other = new EmbeddedStack(settings);
        assertThatThrownBy(other::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another running stack uses");
        assertThat(stack.isRunning()).isTrue();
    }

    @Test
    @Order(8)
    void dataSurvivesStopAndStart() throws Exception {
        stack.createTopics(List.of(TopicSpec.of("durable", 1)));
        produce(ep, "durable", "k", "kept");
        try (Connection c = jdbc(ep); Statement s = c.createStatement()) {
            s.execute("create table durable (v text)");
            s.execute("insert into durable values ('kept')");
        }
        assertThat(redis(ep, "SET", "durable", "kept")).isEqualTo("+OK");

        long t0 = System.nanoTime();
        stack.stop();
        long stopMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(stack.isRunning()).isFalse();
        stack.stop(); // idempotent
        assertThatThrownBy(stack::endpoints).isInstanceOf(IllegalStateException.class);
        assertThat(Files.exists(settings.postgresDir().resolve("postmaster.pid"))).isFalse();
        assertThat(Files.exists(settings.redisDir().resolve("redis.pid"))).isFalse();

        ep = stack.start();
        System.out.println("[local-stack] stop took " + stopMs + " ms; restart on existing data took "
                + stack.lastStartMillis() + " ms");

        try (Connection c = jdbc(ep); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select v from durable")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("kept");
        }
        assertThat(redis(ep, "GET", "durable")).isEqualTo("kept");
        assertThat(consume(ep, "durable", 1, Duration.ofSeconds(30)))
                .extracting(ConsumerRecord::value).containsExactly("kept");
        assertThat(stack.createTopics(List.of(TopicSpec.of("durable", 1)))).as("topic survived").isEmpty();
    }

    @Test
    @Order(9)
    void springPropertiesCarryEveryEndpoint() {
        Map<String, String> p = stack.endpoints().springProperties();
        assertThat(p).containsEntry("spring.kafka.bootstrap-servers", ep.kafkaBootstrapServers())
                .containsEntry("spring.r2dbc.url", ep.r2dbcUrl())
                .containsEntry("spring.r2dbc.username", "talent")
                .containsEntry("spring.r2dbc.password", "talent")
                .containsEntry("spring.data.redis.host", "127.0.0.1")
                .containsEntry("spring.data.redis.port", Integer.toString(settings.redisPort()))
                .containsEntry("pipeline.db.jdbc-url", ep.jdbcUrl())
                .containsEntry("pipeline.db.username", "talent")
                .containsEntry("pipeline.db.password", "talent");
    }
}
