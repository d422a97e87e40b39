package com.talentpipeline.core.logging;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code LOG_FORMAT=json} (environment variable or property) switches console logs to Spring Boot's
 * structured ECS JSON, one object per line with the MDC ({@code traceId}, {@code spanId}) as fields,
 * for log shippers in containers. Anything else (default) keeps the human-readable pattern that
 * {@code run-local} prints. An explicit {@code logging.structured.format.console} still wins: this
 * source has the lowest precedence.
 */
public class LogFormatEnvironmentPostProcessor implements EnvironmentPostProcessor {

    /** The switch. */
    public static final String VARIABLE = "LOG_FORMAT";
    static final String PROPERTY = "logging.structured.format.console";
    static final String SOURCE = "pipelineLogFormat";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = environment.getProperty(VARIABLE, "");
        if (format.trim().toLowerCase(Locale.ROOT).equals("json") && !environment.getPropertySources().contains(SOURCE)) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of(PROPERTY, "ecs")));
        }
    }
}
