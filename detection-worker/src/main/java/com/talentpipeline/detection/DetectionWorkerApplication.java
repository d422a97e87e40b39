package com.talentpipeline.detection;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The detection worker service; configuration in {@code detection-worker.yml}. */
@SpringBootApplication
public class DetectionWorkerApplication {

    /** The configuration file name of this service. */
    public static final String CONFIG_NAME = "detection-worker";

    public static void main(String[] args) {
        builder().run(args);
    }

    /** A builder preset with this service's configuration. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(DetectionWorkerApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    /** Starts the service with {@code key=value} properties that win over its configuration file. */
    public static ConfigurableApplicationContext start(String... properties) {
        return builder().run(java.util.Arrays.stream(properties).map(p -> "--" + p).toArray(String[]::new));
    }
}
