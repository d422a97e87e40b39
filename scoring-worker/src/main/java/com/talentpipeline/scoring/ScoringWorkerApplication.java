package com.talentpipeline.scoring;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The scoring worker service; configuration in {@code scoring-worker.yml}. */
@SpringBootApplication
public class ScoringWorkerApplication {

    /** The configuration file name of this service. */
    public static final String CONFIG_NAME = "scoring-worker";

    public static void main(String[] args) {
        builder().run(args);
    }

    /** A builder preset with this service's configuration. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(ScoringWorkerApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    /** Starts the service with {@code key=value} properties that win over its configuration file. */
    public static ConfigurableApplicationContext start(String... properties) {
        return builder().run(java.util.Arrays.stream(properties).map(p -> "--" + p).toArray(String[]::new));
    }
}
