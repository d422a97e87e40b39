package com.talentpipeline.localstack.pipeline;

import com.talentpipeline.core.security.ApiKeyStore;
import com.talentpipeline.core.security.ApiKeys;
import com.talentpipeline.core.task.Tenants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The development API key of {@code ./run-local}, for tenant {@code default}: {@code DEV_API_KEY} when
 * set, else the key kept in {@code <data dir>/dev-api-key} (created once). Stored hashed like any key.
 */
final class DevApiKey {

    private DevApiKey() {
    }

    static String ensure(LocalPipeline pipeline, Map<String, String> env, Path dataDir) {
        String key = kept(env, "DEV_API_KEY", dataDir.resolve("dev-api-key"));
        pipeline.resultsContext().getBean(ApiKeyStore.class).ensure(key, Tenants.DEFAULT, "run-local development key")
                .block(Duration.ofSeconds(30));
        return key;
    }

    /**
     * The metrics key of {@code ./run-local} (Prometheus's bearer key for {@code /actuator/prometheus}):
     * {@code METRICS_API_KEY} when set, else the key kept in {@code <data dir>/metrics-key} (created once).
     */
    static String metricsKey(Map<String, String> env, Path dataDir) {
        return kept(env, "METRICS_API_KEY", dataDir.resolve("metrics-key"));
    }

    /** The variable's value, else the key in the file, else a new key written to the file. */
    private static String kept(Map<String, String> env, String variable, Path file) {
        String key = env.get(variable);
        if (key != null && !key.isBlank()) {
            return key.strip();
        }
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            key = ApiKeys.generate();
            Files.createDirectories(file.getParent());
            Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
