package com.talentpipeline.localstack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the deployment files must agree with, read from each service's own configuration file
 * ({@code <module>/src/main/resources/<module>.yml}): its HTTP port and the environment variables
 * its placeholders read.
 */
public final class ServiceConfigs {

    /** The deployable services: module name = spring.application.name = config file name. */
    public static final List<String> SERVICES = List.of("ingest-api", "results-api", "embedding-worker",
            "rag-worker", "scoring-worker", "matching-worker", "detection-worker");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)(?::([^}]*))?}");

    private ServiceConfigs() {
    }

    /** @return the service's configuration file */
    public static Path file(String service) {
        return InfraFiles.repository().resolve(service).resolve("src/main/resources").resolve(service + ".yml");
    }

    /** @return the names of every {@code ${NAME:default}} placeholder in the service's file */
    public static Set<String> placeholders(String service) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(read(service));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** @return the default HTTP port, from {@code server.port: ${VAR:port}} */
    public static int port(String service) {
        Object port = InfraFiles.asMap(InfraFiles.yaml(file(service)).get("server"), service).get("port");
        Matcher m = PLACEHOLDER.matcher(String.valueOf(port));
        return Integer.parseInt(m.matches() ? m.group(2) : String.valueOf(port));
    }

    /** @return the environment variable that overrides the port, e.g. {@code INGEST_PORT} */
    public static String portVariable(String service) {
        Object port = InfraFiles.asMap(InfraFiles.yaml(file(service)).get("server"), service).get("port");
        Matcher m = PLACEHOLDER.matcher(String.valueOf(port));
        return m.matches() ? m.group(1) : "SERVER_PORT";
    }

    /**
     * Whether Spring Boot binds an environment variable for this service: a placeholder of its
     * file, or the relaxed-binding form of a property its file sets or Boot/pipeline defines
     * (upper case, {@code _} for {@code .} and {@code -} removed), e.g. {@code SPRING_PROFILES_ACTIVE},
     * {@code JAVA_TOOL_OPTIONS} for the JVM, {@code MANAGEMENT_...}, {@code PIPELINE_...}.
     */
    public static boolean reads(String service, String variable) {
        if (placeholders(service).contains(variable)) {
            return true;
        }
        if (Set.of("JAVA_TOOL_OPTIONS", "JAVA_OPTS", "DJL_CACHE_DIR", "DJL_OFFLINE", "OPT_OUT_TRACKING",
                "LOG_FORMAT").contains(variable)) {
            // Read by the JVM, by DJL, by the Dockerfile's entrypoint (JAVA_OPTS) or by
            // logging profiles; documented in the README.
            return true;
        }
        if (!variable.matches("[A-Z][A-Z0-9_]*")) {
            return false;
        }
        // Relaxed binding: SPRING_KAFKA_BOOTSTRAP_SERVERS -> spring.kafka.bootstrap-servers (any prefix Boot owns).
        return variable.startsWith("SPRING_") || variable.startsWith("MANAGEMENT_") || variable.startsWith("SERVER_")
                || variable.startsWith("LOGGING_") || variable.startsWith("PIPELINE_");
    }

    private static String read(String service) {
        try {
            return Files.readString(file(service));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the top-level YAML of a service's file */
    public static Map<String, Object> yaml(String service) {
        return InfraFiles.yaml(file(service));
    }
}
