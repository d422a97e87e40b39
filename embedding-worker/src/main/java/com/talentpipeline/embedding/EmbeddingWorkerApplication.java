package com.talentpipeline.embedding;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The embedding worker service; configuration in {@code embedding-worker.yml}. */
@SpringBootApplication
@org.springframework.boot.context.properties.EnableConfigurationProperties(
        com.talentpipeline.embedding.config.EmbeddingProperties.class)
public class EmbeddingWorkerApplication {

    /** The configuration file name of this service. */
    public static final String CONFIG_NAME = "embedding-worker";

    public static void main(String[] args) {
        builder().run(args);
    }

    /** A builder preset with this service's configuration. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(EmbeddingWorkerApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    /**
     * Starts the service with {@code key=value} properties that win over its configuration file,
     * as command-line arguments would (used by the local stack and the tests).
     */
    public static ConfigurableApplicationContext start(String... properties) {
        return builder().run(java.util.Arrays.stream(properties).map(p -> "--" + p).toArray(String[]::new));
    }
}
