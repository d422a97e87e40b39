package com.talentpipeline.localstack.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and stops server processes left behind by a JVM that died without stopping them (kill -9,
 * IDE "stop" button, OOM). PostgreSQL and Redis run as separate processes and survive their
 * parent; they keep their ports and (PostgreSQL) lock their data directory, so the next start
 * would fail. Each server writes a pid file into the stack's data directory; a pid from that file
 * is only signalled if {@code /proc/<pid>/cmdline} still names the expected program, so a pid
 * reused by an unrelated process is never touched.
 */
final class OrphanProcesses {

    private static final Logger log = LoggerFactory.getLogger(OrphanProcesses.class);
    private static final Duration TERM_GRACE = Duration.ofSeconds(10);
    private static final Duration KILL_GRACE = Duration.ofSeconds(5);

    private OrphanProcesses() {
    }

    /**
     * Stops the process named in {@code pidFile} if it is still alive and its command line
     * contains every one of {@code cmdlineMarkers}: SIGTERM (a clean shutdown that keeps data),
     * then SIGKILL if it does not exit in time. Deletes the pid file afterwards.
     *
     * @return the pid that was stopped, if any
     */
    static OptionalLong reap(Path pidFile, String what, List<String> cmdlineMarkers) {
        OptionalLong pid = readPid(pidFile);
        if (pid.isEmpty()) {
            deleteQuietly(pidFile);
            return OptionalLong.empty();
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid.getAsLong()).filter(h -> isRunning(h.pid()));
        String cmdline = handle.isPresent() ? cmdline(pid.getAsLong()) : "";
        boolean ours = handle.isPresent() && cmdlineMarkers.stream().allMatch(cmdline::contains);
        if (!ours) {
            // Stale file from a crash; the pid is gone or now belongs to something else.
            deleteQuietly(pidFile);
            return OptionalLong.empty();
        }
        ProcessHandle process = handle.get();
        log.warn("Stopping orphaned {} (pid {}) left by a previous run: {}", what, pid.getAsLong(), cmdline);
        process.destroy();
        if (!waitForExit(process, TERM_GRACE)) {
            log.warn("Orphaned {} (pid {}) ignored SIGTERM; sending SIGKILL", what, pid.getAsLong());
            process.destroyForcibly();
            if (!waitForExit(process, KILL_GRACE)) {
                throw new IllegalStateException("could not stop orphaned " + what + " (pid " + pid.getAsLong() + ")");
            }
        }
        deleteQuietly(pidFile);
        return pid;
    }

    /** First line of a pid file as a number (PostgreSQL's postmaster.pid has more lines). */
    static OptionalLong readPid(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return OptionalLong.empty();
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** The process's command line with NULs as spaces, or "" if it cannot be read. */
    static String cmdline(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim();
        } catch (IOException | RuntimeException e) {
            // No /proc (not Linux) or the process just exited: fall back to what the JDK knows.
            return ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).orElse("");
        }
    }

    /**
     * Fails with a message that names the setting to change if something else holds the port;
     * better than a server's own cryptic bind error buried in its log.
     */
    static void requirePortFree(String host, int port, String what, String envVar) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getByName(host), port));
        } catch (IOException e) {
            throw new IllegalStateException(what + " port " + host + ":" + port
                    + " is already in use by another process; stop it or set " + envVar, e);
        }
    }

    // Polls: onExit() of a process that is not our child is slow to notice, and an exited orphan
    // whose new parent does not reap it stays a zombie that "isAlive" but holds nothing.
    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isRunning(process.pid())) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !isRunning(process.pid());
            }
        }
        return true;
    }

    /** Alive and not a zombie (state Z in /proc/<pid>/stat). */
    static boolean isRunning(long pid) {
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
            // Format: pid (comm) state ...; comm may contain spaces or parentheses.
            String afterComm = stat.substring(stat.lastIndexOf(')') + 1).trim();
            return !afterComm.startsWith("Z") && !afterComm.startsWith("X");
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // best effort: a leftover pid file is re-checked on the next start anyway
        }
    }
}
