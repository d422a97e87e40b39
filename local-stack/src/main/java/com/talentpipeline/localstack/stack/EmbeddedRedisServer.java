package com.talentpipeline.localstack.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * A real redis-server 6.2 (binary from the {@code embedded-redis} jar) run as a child process on
 * loopback, persisting to {@code <dataDir>/redis} (append-only file plus RDB snapshots) so keys
 * survive restarts. Redis writes its own pid file there, which is how an orphan from a killed JVM
 * is found again ({@link #stopOrphan()}).
 */
public final class EmbeddedRedisServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedisServer.class);

    private final StackSettings settings;
    private RedisServer redis;

    /** A server for the given settings; nothing starts until {@link #start()}. */
    public EmbeddedRedisServer(StackSettings settings) {
        this.settings = settings;
    }

    /** Redis's working directory. */
    public Path directory() {
        return settings.redisDir();
    }

    /** The pid file redis-server writes on start and removes on a clean stop. */
    public Path pidFile() {
        return directory().resolve("redis.pid");
    }

    /** Whether the server is running. */
    public synchronized boolean isRunning() {
        return redis != null;
    }

    /**
     * Stops a redis-server left running by a JVM that died without stopping it. SIGTERM makes
     * Redis flush its append-only file first, so no acknowledged write is lost.
     *
     * @return the pid of the stopped orphan, if there was one
     */
    public synchronized OptionalLong stopOrphan() {
        if (redis != null) {
            return OptionalLong.empty();
        }
        return OrphanProcesses.reap(pidFile(), "Redis", List.of("redis-server"));
    }

    /** Starts redis-server and returns once it logged that it accepts connections. */
    public synchronized void start() {
        if (redis != null) {
            return;
        }
        try {
            Files.createDirectories(directory());
            RedisServer candidate = RedisServer.newRedisServer()
                    .bind(settings.host())
                    .port(settings.redisPort())
                    .setting("dir " + quote(directory()))
                    .setting("pidfile " + quote(pidFile()))
                    // Every write goes to the append-only file (fsync each second) and snapshots
                    // are taken too: data survives a restart and even a killed JVM.
                    .setting("appendonly yes")
                    .setting("appendfsync everysec")
                    .setting("save 60 1")
                    .setting("daemonize no")
                    // SIGTERM, not SIGKILL, on stop: Redis then flushes to disk before exiting.
                    .onShutdownForceStop(false)
                    .build();
            candidate.start();
            redis = candidate;
        } catch (IOException e) {
            throw new UncheckedIOException("Redis did not start on port " + settings.redisPort(), e);
        }
        log.info("Redis started on {}:{} with data in {}", settings.host(), settings.redisPort(), directory());
    }

    /** Stops redis-server (it saves to disk on the way out). */
    public synchronized void stop() {
        if (redis == null) {
            return;
        }
        try {
            redis.stop();
        } catch (IOException e) {
            log.warn("Error while stopping Redis", e);
        } finally {
            redis = null;
        }
        log.info("Redis stopped");
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    // Redis config values with spaces must be double-quoted.
    private static String quote(Path path) {
        return "\"" + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
