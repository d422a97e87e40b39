package com.talentpipeline.ingest;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The ingest API service. Its configuration is {@code ingest-api.yml} (not application.yml) so that
 * several services can run in one JVM, as the local stack does, without reading each other's files.
 */
@SpringBootApplication
public class IngestApiApplication {

    /** The configuration file name of this service. */
    public static final String CONFIG_NAME = "ingest-api";

    public static void main(String[] args) {
        builder().run(args);
    }

    /** A builder preset with this service's configuration; extra properties win over the file. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(IngestApiApplication.class)
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
