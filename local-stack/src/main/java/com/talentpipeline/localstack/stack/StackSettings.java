package com.talentpipeline.localstack.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Where and how the embedded stack runs: one data directory and one loopback port per server.
 *
 * @param dataDir             directory holding every server's data, logs and pid files
 * @param host                address every server binds to (loopback only)
 * @param kafkaPort           Kafka client (PLAINTEXT) listener
 * @param kafkaControllerPort Kafka KRaft controller listener
 * @param postgresPort        PostgreSQL port
 * @param redisPort           Redis port
 * @param database            database the services use
 * @param user                database user the services use
 * @param password            that user's password
 */
public record StackSettings(
        Path dataDir,
        String host,
        int kafkaPort,
        int kafkaControllerPort,
        int postgresPort,
        int redisPort,
        String database,
        String user,
        String password) {

    /** Loopback: nothing of the local stack is ever reachable from another machine. */
    public static final String LOOPBACK = "127.0.0.1";

    private static final RandomGenerator RANDOM = new java.security.SecureRandom();

    /** Default data directory, relative to the working directory. */
    public static final String DEFAULT_DATA_DIR = ".local-stack";
    /** Default Kafka client port. */
    public static final int DEFAULT_KAFKA_PORT = 9092;
    /** Default Kafka controller port. */
    public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 9093;
    /** Default PostgreSQL port; not 5432 so a system PostgreSQL can keep its port. */
    public static final int DEFAULT_POSTGRES_PORT = 15432;
    /** Default Redis port; not 6379 so a system Redis can keep its port. */
    public static final int DEFAULT_REDIS_PORT = 16379;
    /** Default database, user and password. */
    public static final String DEFAULT_DB = "talent";

    /** Validates the settings and makes the data directory absolute. */
    public StackSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(host, "host");
        dataDir = dataDir.toAbsolutePath().normalize();
        List<Integer> ports = List.of(kafkaPort, kafkaControllerPort, postgresPort, redisPort);
        for (int port : ports) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }
        if (ports.stream().distinct().count() != ports.size()) {
            throw new IllegalArgumentException("every server needs its own port: " + ports);
        }
        requireIdentifier(database, "database");
        requireIdentifier(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /** Defaults (ports 9092/9093/15432/16379, talent/talent/talent) with the given data directory. */
    public static StackSettings defaults(Path dataDir) {
        return new StackSettings(dataDir, LOOPBACK, DEFAULT_KAFKA_PORT, DEFAULT_KAFKA_CONTROLLER_PORT,
                DEFAULT_POSTGRES_PORT, DEFAULT_REDIS_PORT, DEFAULT_DB, DEFAULT_DB, DEFAULT_DB);
    }

    /**
     * Reads the process environment: {@code STACK_DATA_DIR} (default {@code ./.local-stack}),
     * {@code STACK_KAFKA_PORT}, {@code STACK_KAFKA_CONTROLLER_PORT}, {@code STACK_POSTGRES_PORT},
     * {@code STACK_REDIS_PORT}, {@code STACK_DB_NAME}, {@code STACK_DB_USER}, {@code STACK_DB_PASSWORD}.
     */
    public static StackSettings fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** Same as {@link #fromEnvironment()} but reads the given map (testable). */
    public static StackSettings fromEnvironment(Map<String, String> env) {
        return new StackSettings(
                Path.of(env.getOrDefault("STACK_DATA_DIR", DEFAULT_DATA_DIR)),
                LOOPBACK,
                port(env, "STACK_KAFKA_PORT", DEFAULT_KAFKA_PORT),
                port(env, "STACK_KAFKA_CONTROLLER_PORT", DEFAULT_KAFKA_CONTROLLER_PORT),
                port(env, "STACK_POSTGRES_PORT", DEFAULT_POSTGRES_PORT),
                port(env, "STACK_REDIS_PORT", DEFAULT_REDIS_PORT),
                env.getOrDefault("STACK_DB_NAME", DEFAULT_DB),
                env.getOrDefault("STACK_DB_USER", DEFAULT_DB),
                env.getOrDefault("STACK_DB_PASSWORD", DEFAULT_DB));
    }

    /**
     * Settings for tests: the given data directory and four ports that are free right now, so
     * several stacks (and a developer's running stack) can coexist.
     */
    public static StackSettings forTests(Path dataDir) {
        int[] ports = freePorts(4);
        return new StackSettings(dataDir, LOOPBACK, ports[0], ports[1], ports[2], ports[3],
                DEFAULT_DB, DEFAULT_DB, DEFAULT_DB);
    }

    /** Kafka's directory (server.properties and the log directory). */
    public Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    /** PostgreSQL's data directory (PGDATA). */
    public Path postgresDir() {
        return dataDir.resolve("postgres");
    }

    /** Redis's working directory (AOF/RDB files and pid file). */
    public Path redisDir() {
        return dataDir.resolve("redis");
    }

    /** Server log files that do not go through SLF4J (PostgreSQL). */
    public Path logDir() {
        return dataDir.resolve("logs");
    }

    /**
     * Finds {@code count} distinct loopback ports that are free right now, all held open together
     * so the same port is never handed out twice.
     *
     * <p>Ports come from below the kernel's ephemeral range ({@code ip_local_port_range}), never
     * from inside it: a port the OS hands out for {@code bind(0)} is also one it hands out as the
     * local end of an outgoing connection, so between this call and a server's start (or a server's
     * restart in a fault test) a Kafka client's socket could take it, and the server would then fail
     * with "address already in use".
     */
    public static int[] freePorts(int count) {
        int[] range = portsBelowEphemeralRange();
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            int found = 0;
            for (int attempt = 0; found < count && attempt < 2000; attempt++) {
                int candidate = range[0] + RANDOM.nextInt(range[1] - range[0]);
                ServerSocket socket = tryBind(candidate);
                if (socket != null) {
                    sockets.add(socket);
                    ports[found++] = candidate;
                }
            }
            // A kernel with an unusual ephemeral range: fall back to whatever the OS gives.
            while (found < count) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK));
                sockets.add(socket);
                ports[found++] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("could not find free ports", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // nothing to do: the port is released either way
                }
            }
        }
    }

    private static ServerSocket tryBind(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            try {
                socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port), 1);
                return socket;
            } catch (IOException taken) {
                socket.close();
                return null;
            }
        } catch (IOException e) {
            return null;
        }
    }

    /** [low, high) of ports to draw from: 15000 up to the start of the ephemeral range. */
    static int[] portsBelowEphemeralRange() {
        int ephemeralStart = 32768;
        try {
            // readAllLines, not readString: procfs reports a size of 0 and readString then returns one byte.
            String range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim();
            ephemeralStart = Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException ignored) {
            // not Linux, or not readable: assume the Linux default
        }
        int low = 15000;
        int high = Math.min(ephemeralStart, 65536);
        if (high - low < 1000) {
            // The ephemeral range starts low: use the ports above it instead.
            return new int[] {Math.max(low, 61000), 65536};
        }
        return new int[] {low, high};
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a port number: " + value, e);
        }
    }

    // Names end up in SQL (CREATE ROLE/DATABASE), so only plain identifiers are accepted.
    private static void requireIdentifier(String value, String what) {
        if (value == null || !value.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            throw new IllegalArgumentException(what + " must be a plain SQL identifier: " + value);
        }
    }

    /** Hides the password. */
    @Override
    public String toString() {
        return "StackSettings[dataDir=" + dataDir + ", host=" + host + ", kafkaPort=" + kafkaPort
                + ", kafkaControllerPort=" + kafkaControllerPort + ", postgresPort=" + postgresPort
                + ", redisPort=" + redisPort + ", database=" + database + ", user=" + user + "]";
    }
}
