package com.talentpipeline.matching;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The matching worker service; configuration in {@code matching-worker.yml}. */
@SpringBootApplication
public class MatchingWorkerApplication {

    /** The configuration file name of this service. */
    public static final String CONFIG_NAME = "matching-worker";

    public static void main(String[] args) {
        builder().run(args);
    }

    /** A builder preset with this service's configuration. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(MatchingWorkerApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    /** Starts the service with {@code key=value} properties that win over its configuration file. */
    public static ConfigurableApplicationContext start(String... properties) {
        return builder().run(java.util.Arrays.stream(properties).map(p -> "--" + p).toArray(String[]::new));
    }
}
