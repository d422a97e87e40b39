package com.talentpipeline.localstack.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Probes that prove a server really serves clients (not just that its port is open). Each retries
 * until the deadline and then throws with the last failure.
 */
public final class Readiness {

    private static final long RETRY_PAUSE_MS = 100;

    private Readiness() {
    }

    /** Waits until a Kafka AdminClient can describe the cluster and sees at least one broker. */
    public static void awaitKafka(String bootstrapServers, Duration timeout) {
        retry("Kafka at " + bootstrapServers, timeout, () -> {
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(AdminClientConfig.CLIENT_ID_CONFIG, "local-stack-readiness");
            props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
            props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
            try (Admin admin = Admin.create(props)) {
                int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs(5_000))
                        .nodes().get(6, TimeUnit.SECONDS).size();
                if (brokers < 1) {
                    throw new IllegalStateException("no broker registered yet");
                }
            }
        });
    }

    /** Waits until {@code select 1} succeeds over JDBC. */
    public static void awaitPostgres(String jdbcUrl, String user, String password, Duration timeout) {
        retry("PostgreSQL at " + jdbcUrl, timeout, () -> {
            Properties props = new Properties();
            props.put("user", user);
            props.put("password", password);
            props.put("connectTimeout", "5");
            try (Connection c = DriverManager.getConnection(jdbcUrl, props);
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select 1")) {
                if (!rs.next() || rs.getInt(1) != 1) {
                    throw new IllegalStateException("select 1 did not return 1");
                }
            }
        });
    }

    /** Waits until Redis answers {@code PING} with {@code +PONG} (raw RESP over a socket). */
    public static void awaitRedis(String host, int port, Duration timeout) {
        retry("Redis at " + host + ":" + port, timeout, () -> {
            String reply = redisCommand(host, port, "PING");
            if (!reply.equals("+PONG")) {
                throw new IllegalStateException("unexpected reply to PING: " + reply);
            }
        });
    }

    /**
     * Sends one command as a RESP array of bulk strings and returns the first reply line (for a
     * bulk string reply, the value itself, or {@code null} for a nil reply).
     */
    public static String redisCommand(String host, int port, String... args) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2_000);
            socket.setSoTimeout(5_000);
            StringBuilder cmd = new StringBuilder("*").append(args.length).append("\r\n");
            for (String arg : args) {
                byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
                cmd.append('$').append(bytes.length).append("\r\n").append(arg).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(cmd.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String line = readLine(in);
            if (line.startsWith("$")) {
                int length = Integer.parseInt(line.substring(1));
                return length < 0 ? null : readLine(in);
            }
            return line;
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\r') {
                int next = in.read();
                if (next == '\n' || next == -1) {
                    break;
                }
                sb.append('\r').append((char) next);
                continue;
            }
            sb.append((char) b);
        }
        if (b == -1 && sb.length() == 0) {
            throw new IOException("connection closed by Redis");
        }
        return sb.toString();
    }

    @FunctionalInterface
    private interface Probe {
        void check() throws Exception;
    }

    private static void retry(String what, Duration timeout, Probe probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last;
        do {
            try {
                probe.check();
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, e);
            } catch (Exception e) {
                last = e;
            }
            try {
                Thread.sleep(RETRY_PAUSE_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, e);
            }
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException(what + " did not become ready within " + timeout, last);
    }
}
