package com.talentpipeline.core.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class LogFormatEnvironmentPostProcessorTest {

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new LogFormatEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void jsonSwitchesConsoleLogsToEcs() {
        assertThat(environment(Map.of("LOG_FORMAT", "json")).getProperty(LogFormatEnvironmentPostProcessor.PROPERTY))
                .isEqualTo("ecs");
        assertThat(environment(Map.of("LOG_FORMAT", " JSON ")).getProperty(LogFormatEnvironmentPostProcessor.PROPERTY))
                .isEqualTo("ecs");
    }

    @Test
    void defaultAndOtherValuesStayHumanReadable() {
        assertThat(environment(Map.of()).getProperty(LogFormatEnvironmentPostProcessor.PROPERTY)).isNull();
        assertThat(environment(Map.of("LOG_FORMAT", "text")).getProperty(LogFormatEnvironmentPostProcessor.PROPERTY)).isNull();
    }

    @Test
    void anExplicitStructuredFormatWins() {
        assertThat(environment(Map.of("LOG_FORMAT", "json", LogFormatEnvironmentPostProcessor.PROPERTY, "logstash"))
                .getProperty(LogFormatEnvironmentPostProcessor.PROPERTY)).isEqualTo("logstash");
    }
}
