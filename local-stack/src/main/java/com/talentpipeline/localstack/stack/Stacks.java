package com.talentpipeline.localstack.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Picks the stack for a test run: Testcontainers when a Docker engine answers, else the embedded
 * servers in a fresh temporary directory on free ports. {@code STACK_MODE} (environment) or
 * {@code local.stack.mode} (system property) = {@code auto} (default), {@code embedded} or
 * {@code containers} overrides the choice.
 */
public final class Stacks {

    private static volatile Boolean dockerAvailable;

    private Stacks() {
    }

    /** Which implementation {@link #forTests()} picks. */
    public enum Kind {
        /** {@link EmbeddedStack}. */
        EMBEDDED,
        /** {@link ContainerStack}. */
        CONTAINERS
    }

    /**
     * A stack for tests, not yet started. Prints which one was chosen and why. An embedded stack's
     * temporary directory is deleted when it stops.
     */
    public static Stack forTests() {
        Kind kind = chosenKind();
        Stack stack;
        if (kind == Kind.CONTAINERS) {
            stack = new ContainerStack();
        } else {
            try {
                Path base = Path.of(System.getProperty("java.io.tmpdir"));
                Files.createDirectories(base);
                stack = EmbeddedStack.temporary(StackSettings.forTests(Files.createTempDirectory(base, "local-stack-")));
            } catch (IOException e) {
                throw new UncheckedIOException("could not create a temporary stack directory", e);
            }
        }
        System.out.println("[local-stack] " + reason(kind) + ": using " + stack.description());
        return stack;
    }

    /** The kind {@link #forTests()} would pick now. */
    public static Kind chosenKind() {
        String mode = System.getProperty("local.stack.mode", System.getenv().getOrDefault("STACK_MODE", "auto"))
                .trim().toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "embedded" -> Kind.EMBEDDED;
            case "containers", "docker", "testcontainers" -> Kind.CONTAINERS;
            case "auto", "" -> isDockerAvailable() ? Kind.CONTAINERS : Kind.EMBEDDED;
            default -> throw new IllegalArgumentException("STACK_MODE must be auto, embedded or containers: " + mode);
        };
    }

    /**
     * Whether Testcontainers is on the class path and finds a working Docker engine (asked once
     * per JVM; about 0.3 s when there is none).
     */
    public static boolean isDockerAvailable() {
        Boolean known = dockerAvailable;
        if (known == null) {
            known = testcontainersPresent() && DockerProbe.available();
            dockerAvailable = known;
        }
        return known;
    }

    private static String reason(Kind kind) {
        boolean forced = System.getProperty("local.stack.mode") != null || System.getenv("STACK_MODE") != null;
        if (forced) {
            return "STACK_MODE=" + kind.name().toLowerCase(Locale.ROOT);
        }
        return kind == Kind.CONTAINERS ? "Docker is available" : "Docker is not available";
    }

    private static boolean testcontainersPresent() {
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false, Stacks.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Kept in its own class so Testcontainers is only loaded when it is on the class path. */
    private static final class DockerProbe {
        static boolean available() {
            try {
                return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                return false;
            }
        }
    }
}
