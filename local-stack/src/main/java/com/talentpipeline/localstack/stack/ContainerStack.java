package com.talentpipeline.localstack.stack;

import java.time.Duration;
import java.util.Map;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The same trio in Docker through Testcontainers: {@code apache/kafka-native} (KRaft),
 * {@code postgres:16} and {@code redis:7}, configured like {@link EmbeddedStack} (no topic
 * auto-creation, 3 partitions by default, no initial rebalance delay).
 *
 * <p>For tests only, and only where a Docker engine is reachable: choose it through
 * {@link Stacks#forTests()}. Testcontainers is an optional dependency of this module, so a module
 * that wants this class adds {@code testcontainers-kafka} and {@code testcontainers-postgresql}
 * itself. Images can be overridden with {@code STACK_KAFKA_IMAGE}, {@code STACK_POSTGRES_IMAGE}
 * and {@code STACK_REDIS_IMAGE}.
 */
final class ContainerStack implements Stack {

    /** Kafka image; the native (GraalVM) build starts in about a second. */
    public static final String DEFAULT_KAFKA_IMAGE = "apache/kafka-native:4.2.1";
    /** PostgreSQL image, same major version as the embedded binaries. */
    public static final String DEFAULT_POSTGRES_IMAGE = "postgres:16";
    /** Redis image. */
    public static final String DEFAULT_REDIS_IMAGE = "redis:7";

    private static final int REDIS_PORT = 6379;

    private final String database;
    private final String user;
    private final String password;
    private KafkaContainer kafka;
    private PostgreSQLContainer postgres;
    private GenericContainer<?> redis;
    private StackEndpoints endpoints;

    /** Containers with the default database, user and password ({@code talent}). */
    public ContainerStack() {
        this(StackSettings.DEFAULT_DB, StackSettings.DEFAULT_DB, StackSettings.DEFAULT_DB);
    }

    /** Containers with the given database, user and password. */
    public ContainerStack(String database, String user, String password) {
        this.database = database;
        this.user = user;
        this.password = password;
    }

    @Override
    public String description() {
        return "Testcontainers (" + image("STACK_KAFKA_IMAGE", DEFAULT_KAFKA_IMAGE) + ", "
                + image("STACK_POSTGRES_IMAGE", DEFAULT_POSTGRES_IMAGE) + ", "
                + image("STACK_REDIS_IMAGE", DEFAULT_REDIS_IMAGE) + ")";
    }

    @Override
    public synchronized boolean isRunning() {
        return endpoints != null;
    }

    @Override
    public synchronized StackEndpoints endpoints() {
        if (endpoints == null) {
            throw new IllegalStateException("stack is not running");
        }
        return endpoints;
    }

    @Override
    @SuppressWarnings("resource") // closed in stop()
    public synchronized StackEndpoints start() {
        if (endpoints != null) {
            return endpoints;
        }
        kafka = new KafkaContainer(DockerImageName.parse(image("STACK_KAFKA_IMAGE", DEFAULT_KAFKA_IMAGE))
                .asCompatibleSubstituteFor("apache/kafka"))
                .withEnv(Map.of(
                        "KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false",
                        "KAFKA_NUM_PARTITIONS", "3",
                        "KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0"));
        postgres = new PostgreSQLContainer(DockerImageName.parse(image("STACK_POSTGRES_IMAGE", DEFAULT_POSTGRES_IMAGE))
                .asCompatibleSubstituteFor("postgres"))
                .withDatabaseName(database)
                .withUsername(user)
                .withPassword(password);
        redis = new GenericContainer<>(DockerImageName.parse(image("STACK_REDIS_IMAGE", DEFAULT_REDIS_IMAGE)))
                .withExposedPorts(REDIS_PORT)
                .waitingFor(Wait.forLogMessage(".*Ready to accept connections.*\\n", 1));
        try {
            Startables.deepStart(kafka, postgres, redis).join();
            String redisHost = redis.getHost();
            int redisPort = redis.getMappedPort(REDIS_PORT);
            String pgHost = postgres.getHost();
            int pgPort = postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT);
            StackEndpoints ep = StackEndpoints.of(kafka.getBootstrapServers(), pgHost, pgPort, database,
                    user, password, redisHost, redisPort);
            Duration timeout = Duration.ofSeconds(60);
            Readiness.awaitPostgres(ep.jdbcUrl(), user, password, timeout);
            Readiness.awaitRedis(redisHost, redisPort, timeout);
            Readiness.awaitKafka(ep.kafkaBootstrapServers(), timeout);
            endpoints = ep;
            return ep;
        } catch (RuntimeException e) {
            stopContainers();
            throw e;
        }
    }

    private final java.util.Deque<AutoCloseable> clients = new java.util.ArrayDeque<>();

    @Override
    public synchronized void closeBeforeStopping(AutoCloseable client) {
        clients.push(client);
    }

    // Clients first: a service closing against a stopped broker waits out its timeouts.
    private void closeClients() {
        while (!clients.isEmpty()) {
            try {
                clients.pop().close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(getClass()).warn("closing a stack client failed: {}", e.toString());
            }
        }
    }

    @Override
    public synchronized void stop() {
        closeClients();
        stopContainers();
        endpoints = null;
    }

    private void stopContainers() {
        // Reverse of start order.
        for (GenericContainer<?> c : new GenericContainer<?>[] {kafka, redis, postgres}) {
            if (c != null) {
                try {
                    c.stop();
                } catch (RuntimeException ignored) {
                    // Testcontainers' reaper removes the container anyway
                }
            }
        }
        kafka = null;
        redis = null;
        postgres = null;
    }

    private static String image(String env, String fallback) {
        String value = System.getenv(env);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
