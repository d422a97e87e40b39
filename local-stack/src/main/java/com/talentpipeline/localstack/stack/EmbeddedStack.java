package com.talentpipeline.localstack.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka, PostgreSQL and Redis without Docker: Kafka inside this JVM, PostgreSQL and Redis as
 * child processes, all on loopback, all data under {@link StackSettings#dataDir()}.
 *
 * <p>{@link #start()} takes an exclusive lock on the data directory (a second stack on the same
 * directory fails fast instead of corrupting it), stops orphans a killed JVM left behind, checks
 * every port is free, starts the three servers and returns only once each has served a real
 * request. A JVM shutdown hook stops everything on Ctrl-C; {@link #stop()} stops in reverse
 * order.
 */
public final class EmbeddedStack implements Stack {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStack.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final String LOCK_FILE = "stack.lock";

    private final StackSettings settings;
    private final boolean deleteDataDirOnStop;
    private final EmbeddedPostgresServer postgres;
    private final EmbeddedRedisServer redis;
    private final EmbeddedKafkaServer kafka;

    private StackEndpoints endpoints;
    private FileChannel lockChannel;
    private FileLock lock;
    private Thread shutdownHook;
    private long lastStartMillis = -1;

    /** A stack that keeps its data directory (for {@code run-local}). */
    public EmbeddedStack(StackSettings settings) {
        this(settings, false);
    }

    private EmbeddedStack(StackSettings settings, boolean deleteDataDirOnStop) {
        this.settings = settings;
        this.deleteDataDirOnStop = deleteDataDirOnStop;
        this.postgres = new EmbeddedPostgresServer(settings);
        this.redis = new EmbeddedRedisServer(settings);
        this.kafka = new EmbeddedKafkaServer(settings);
    }

    /** A throw-away stack for tests: its data directory is deleted by {@link #stop()}. */
    public static EmbeddedStack temporary(StackSettings settings) {
        return new EmbeddedStack(settings, true);
    }

    /** The settings this stack runs with. */
    public StackSettings settings() {
        return settings;
    }

    @Override
    public String description() {
        return "embedded (Kafka in-JVM, PostgreSQL and Redis child processes) in " + settings.dataDir();
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

    /** The Kafka server, to stop and start it on the same port and data (fault tests). */
    public EmbeddedKafkaServer kafkaServer() {
        return kafka;
    }

    /** The PostgreSQL server, to stop and start it on the same port and data (fault tests). */
    public EmbeddedPostgresServer postgresServer() {
        return postgres;
    }

    /** The Redis server, to stop and start it on the same port and data (fault tests). */
    public EmbeddedRedisServer redisServer() {
        return redis;
    }

    /** Milliseconds the last successful {@link #start()} took, or -1. */
    public synchronized long lastStartMillis() {
        return lastStartMillis;
    }

    @Override
    public synchronized StackEndpoints start() {
        if (endpoints != null) {
            return endpoints;
        }
        long t0 = System.nanoTime();
        ensureTempDir();
        lockDataDir();
        try {
            postgres.stopOrphan();
            redis.stopOrphan();
            String host = settings.host();
            OrphanProcesses.requirePortFree(host, settings.kafkaPort(), "Kafka", "STACK_KAFKA_PORT");
            OrphanProcesses.requirePortFree(host, settings.kafkaControllerPort(), "Kafka controller",
                    "STACK_KAFKA_CONTROLLER_PORT");
            OrphanProcesses.requirePortFree(host, settings.postgresPort(), "PostgreSQL", "STACK_POSTGRES_PORT");
            OrphanProcesses.requirePortFree(host, settings.redisPort(), "Redis", "STACK_REDIS_PORT");

            // PostgreSQL (initdb on first start) and Redis start in the background while Kafka
            // starts here: the three are independent and the slowest sets the pace.
            CompletableFuture<Void> pg = CompletableFuture.runAsync(postgres::start, thread("local-stack-postgres"));
            CompletableFuture<Void> rd = CompletableFuture.runAsync(redis::start, thread("local-stack-redis"));
            RuntimeException kafkaFailure = null;
            try {
                kafka.start();
            } catch (RuntimeException e) {
                kafkaFailure = e;
            }
            RuntimeException failure = kafkaFailure;
            for (CompletableFuture<Void> f : java.util.List.of(pg, rd)) {
                try {
                    f.join();
                } catch (CompletionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException r ? r
                            : new IllegalStateException(e.getCause());
                    if (failure == null) {
                        failure = cause;
                    } else {
                        failure.addSuppressed(cause);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }

            StackEndpoints ep = StackEndpoints.of(kafka.bootstrapServers(), host, settings.postgresPort(),
                    settings.database(), settings.user(), settings.password(), host, settings.redisPort());
            Readiness.awaitPostgres(ep.jdbcUrl(), ep.dbUser(), ep.dbPassword(), READY_TIMEOUT);
            Readiness.awaitRedis(ep.redisHost(), ep.redisPort(), READY_TIMEOUT);
            Readiness.awaitKafka(ep.kafkaBootstrapServers(), READY_TIMEOUT);

            endpoints = ep;
        } catch (RuntimeException | Error e) {
            stopServers();
            releaseLock();
            throw e;
        }
        shutdownHook = new Thread(this::stopFromHook, "local-stack-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        lastStartMillis = (System.nanoTime() - t0) / 1_000_000;
        log.info("Local stack up in {} ms: kafka={} postgres={} redis={}:{} data={}", lastStartMillis,
                endpoints.kafkaBootstrapServers(), endpoints.jdbcUrl(), endpoints.redisHost(),
                endpoints.redisPort(), settings.dataDir());
        return endpoints;
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
        if (endpoints == null && lock == null) {
            return;
        }
        long t0 = System.nanoTime();
        closeClients();
        stopServers();
        endpoints = null;
        releaseLock();
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or about to; it will find the stack stopped
            }
        }
        shutdownHook = null;
        if (deleteDataDirOnStop) {
            deleteRecursively(settings.dataDir());
        }
        log.info("Local stack stopped in {} ms", (System.nanoTime() - t0) / 1_000_000);
    }

    // A thread of its own per server: the common pool has a single worker on a 2-core machine.
    private static java.util.concurrent.Executor thread(String name) {
        return task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            t.start();
        };
    }

    private void stopFromHook() {
        // Runs on Ctrl-C / SIGTERM: the servers that are child processes would otherwise outlive us.
        stop();
    }

    // Reverse of start order: clients of Kafka (none here) first, the databases last.
    private void stopServers() {
        kafka.stop();
        redis.stop();
        postgres.stop();
    }

    private void lockDataDir() {
        try {
            Files.createDirectories(settings.dataDir());
            Path lockFile = settings.dataDir().resolve(LOCK_FILE);
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock acquired;
            try {
                acquired = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                acquired = null;
            }
            if (acquired == null) {
                String holder = new String(Files.readAllBytes(lockFile), StandardCharsets.UTF_8).trim();
                channel.close();
                throw new IllegalStateException("another running stack uses " + settings.dataDir()
                        + (holder.isEmpty() ? "" : " (pid " + holder + ")")
                        + "; stop it or set STACK_DATA_DIR to another directory");
            }
            // The pid is for people reading the file; the OS lock is what counts (it disappears
            // with the process, so a killed JVM never leaves the directory locked).
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
            lockChannel = channel;
            lock = acquired;
        } catch (IOException e) {
            throw new UncheckedIOException("could not lock " + settings.dataDir(), e);
        }
    }

    private void releaseLock() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            log.debug("Could not release the data directory lock", e);
        } finally {
            lock = null;
            lockChannel = null;
        }
    }

    // The build points java.io.tmpdir at target/tmp, which may not exist yet; the Redis and
    // PostgreSQL binaries are unpacked there.
    private static void ensureTempDir() {
        try {
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        } catch (IOException e) {
            throw new UncheckedIOException("could not create java.io.tmpdir", e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            log.warn("Could not delete {}", dir, e);
        }
    }
}
