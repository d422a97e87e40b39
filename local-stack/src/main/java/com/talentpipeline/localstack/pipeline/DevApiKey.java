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
        String key = env.get("DEV_API_KEY");
        if (key == null || key.isBlank()) {
            Path file = dataDir.resolve("dev-api-key");
            try {
                if (Files.exists(file)) {
                    key = Files.readString(file, StandardCharsets.UTF_8).strip();
                } else {
                    key = ApiKeys.generate();
                    Files.createDirectories(dataDir);
                    Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        pipeline.resultsContext().getBean(ApiKeyStore.class).ensure(key.strip(), Tenants.DEFAULT, "run-local development key")
                .block(Duration.ofSeconds(30));
        return key.strip();
    }
}
