package com.talentpipeline.localstack.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka (KRaft: broker and controller in one) inside this JVM, bound to
 * loopback, storing its log under {@code <dataDir>/kafka} so topics and records survive restarts.
 * Nothing is left behind if the JVM dies: the broker dies with it.
 */
public final class EmbeddedKafkaServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaServer.class);

    private final StackSettings settings;
    private KafkaRaftServer server;

    /** A server for the given settings; nothing starts until {@link #start()}. */
    public EmbeddedKafkaServer(StackSettings settings) {
        this.settings = settings;
    }

    /**
     * Logger names of the Kafka broker and controller (not of Kafka clients). A Spring Boot
     * application started later in the same JVM resets Logback, so pass these as
     * {@code logging.level.<name>=WARN} to keep the broker quiet there too.
     */
    public static List<String> serverLoggerNames() {
        return ServerLogging.KAFKA_SERVER_LOGGERS;
    }

    /**
     * Sets {@link #serverLoggerNames()} to WARN (or {@code STACK_KAFKA_LOG_LEVEL}) when Logback is
     * the SLF4J backend; {@link #start()} does this already.
     */
    public static void quietLogging() {
        ServerLogging.quietKafkaServer();
    }

    /** Client bootstrap servers, {@code 127.0.0.1:<kafkaPort>}. */
    public String bootstrapServers() {
        return settings.host() + ":" + settings.kafkaPort();
    }

    /** The Kafka log directory. */
    public Path logDir() {
        return settings.kafkaDir().resolve("data");
    }

    /** Whether the broker is running. */
    public synchronized boolean isRunning() {
        return server != null;
    }

    /**
     * Formats the storage on first use only (so a restart keeps the data), then starts broker and
     * controller. Returns once started; clients may still need a moment (see {@link Readiness}).
     * Does nothing if already running.
     */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        ServerLogging.quietKafkaServer();
        Properties props = serverProperties();
        try {
            Files.createDirectories(logDir());
            Path propsFile = settings.kafkaDir().resolve("server.properties");
            try (OutputStream out = Files.newOutputStream(propsFile)) {
                props.store(out, "Written by EmbeddedKafkaServer on every start; edits are overwritten");
            }
            if (!Files.exists(logDir().resolve("meta.properties"))) {
                format(propsFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare Kafka storage in " + settings.kafkaDir(), e);
        }
        KafkaRaftServer candidate = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        try {
            candidate.startup();
        } catch (RuntimeException e) {
            shutdown(candidate);
            throw new IllegalStateException("Kafka did not start on " + bootstrapServers(), e);
        }
        server = candidate;
        log.info("Kafka (KRaft) started on {} with data in {}", bootstrapServers(), logDir());
    }

    /** Stops broker and controller and waits for them; does nothing if not running. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        shutdown(server);
        server = null;
        log.info("Kafka stopped");
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** The server configuration: combined broker+controller, single replica, topics created explicitly. */
    Properties serverProperties() {
        String host = settings.host();
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("listeners", "PLAINTEXT://" + host + ":" + settings.kafkaPort()
                + ",CONTROLLER://" + host + ":" + settings.kafkaControllerPort());
        p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + settings.kafkaPort());
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        // Static voter list: the controller address is not written into the metadata log, so a
        // changed controller port on a later start does not strand the data.
        p.put("controller.quorum.voters", "1@" + host + ":" + settings.kafkaControllerPort());
        p.put("log.dirs", logDir().toString());
        // One broker: every internal topic gets a single replica.
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        // Fewer internal partitions than the default 50: the first consumer group and the first
        // transaction come up in well under a second on a small machine.
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.num.partitions", "5");
        // Consumers join at once instead of waiting 3 s for more members.
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.partitions", "3");
        // As in production: topics come from the Topics registry, never from a typo in a listener.
        p.put("auto.create.topics.enable", "false");
        p.put("log.retention.hours", "168");
        // After a killed JVM the controller keeps the dead broker's registration until its session
        // times out (default 9 s) before the restarted broker may register: keep that short, but long
        // enough that a busy 2-core machine does not fence the only broker.
        p.put("broker.heartbeat.interval.ms", "500");
        p.put("broker.session.timeout.ms", "3000");
        return p;
    }

    private void format(Path propsFile) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int rc;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            rc = StorageTool.execute(new String[] {
                    "format", "--cluster-id", Uuid.randomUuid().toString(), "--config", propsFile.toString()}, out);
        } catch (RuntimeException e) {
            throw new IllegalStateException("formatting Kafka storage failed: " + output.toString(StandardCharsets.UTF_8), e);
        }
        if (rc != 0) {
            throw new IllegalStateException("formatting Kafka storage failed (" + rc + "): "
                    + output.toString(StandardCharsets.UTF_8));
        }
        log.info("Formatted Kafka storage in {}", logDir());
    }

    private static void shutdown(KafkaRaftServer s) {
        try {
            s.shutdown();
            s.awaitShutdown();
        } catch (RuntimeException e) {
            log.warn("Error while stopping Kafka", e);
        }
    }
}
