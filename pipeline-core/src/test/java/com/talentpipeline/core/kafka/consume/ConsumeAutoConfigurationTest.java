package com.talentpipeline.core.kafka.consume;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.config.PipelineCoreAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;

/** Every service gets the kit and the one error handler, and the listener containers use it. */
class ConsumeAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, PipelineCoreAutoConfiguration.class,
                    ConsumeAutoConfiguration.class))
            .withPropertyValues("pipeline.kafka.create-topics=false", "spring.application.name=test-service");

    @Test
    void theContainerFactoryUsesTheKitsErrorHandler() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(ConsumeKit.class).hasSingleBean(DeadLetters.class);
            CommonErrorHandler handler = context.getBean(CommonErrorHandler.class);
            assertThat(handler).isInstanceOf(DefaultErrorHandler.class);
            var factory = context.getBean(ConcurrentKafkaListenerContainerFactory.class);
            assertThat(factory).extracting("commonErrorHandler").isSameAs(handler);
        });
    }

    @Test
    void theBackOffIsConfigurable() {
        runner.withPropertyValues("pipeline.kafka.retry.initial-interval=50ms", "pipeline.kafka.retry.max-interval=1s")
                .run(context -> {
                    var retry = context.getBean(com.talentpipeline.core.config.PipelineProperties.class).kafka().retry();
                    assertThat(retry.initialInterval().toMillis()).isEqualTo(50);
                    assertThat(retry.multiplier()).isEqualTo(2.0);
                    assertThat(retry.maxInterval().toSeconds()).isEqualTo(1);
                });
    }
}
