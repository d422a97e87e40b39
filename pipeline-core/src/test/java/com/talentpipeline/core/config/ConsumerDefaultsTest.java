package com.talentpipeline.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.ConsumerFactory;

/** Every service's consumers leave a dead member behind for seconds, not Kafka's 45 s default. */
class ConsumerDefaultsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, PipelineCoreAutoConfiguration.class))
            .withPropertyValues("pipeline.kafka.create-topics=false");

    @Test
    void theConsumerFactoryGetsTheShortSessionTimeoutUnlessKafkaPropertiesSayOtherwise() {
        runner.run(context -> {
            var config = context.getBean(ConsumerFactory.class).getConfigurationProperties();
            assertThat(config.get(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG)).isEqualTo(10_000);
            assertThat(config.get(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG)).isEqualTo(3_000);
        });
        runner.withPropertyValues("spring.kafka.consumer.properties.session.timeout.ms=30000").run(context -> {
            var config = context.getBean(ConsumerFactory.class).getConfigurationProperties();
            assertThat(String.valueOf(config.get(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG))).isEqualTo("30000");
        });
    }
}
