package com.talentpipeline.core.kafka.consume;

import com.talentpipeline.core.config.PipelineProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The consume kit of every service that has a Kafka producer: the dead-letter writer, the kit, and the one
 * container error handler. A failure that escapes a listener is infrastructure (the kit handles bad records
 * before the handler runs), so the batch is retried with exponential back-off ({@code pipeline.kafka.retry.*})
 * until it succeeds; what spring-kafka classifies as not retryable (a {@code ClassCastException}, a
 * conversion error) goes to {@code <topic>.DLT} through the dead-letter writer's
 * {@code DeadLetterPublishingRecoverer}, with the same headers.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties(PipelineProperties.class)
public class ConsumeAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(KafkaTemplate.class)
    @SuppressWarnings("unchecked")
    DeadLetters pipelineDeadLetters(KafkaTemplate<?, ?> kafka, ObjectProvider<MeterRegistry> meters,
            @Value("${spring.application.name:unknown}") String service) {
        return new DeadLetters((KafkaOperations<String, byte[]>) kafka, meters.getIfAvailable(SimpleMeterRegistry::new),
                service);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(DeadLetters.class)
    ConsumeKit pipelineConsumeKit(DeadLetters deadLetters, ObjectProvider<MeterRegistry> meters) {
        return new ConsumeKit(deadLetters, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    /** The request-reply kit's responders, for the workers that answer requests. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnBean(DeadLetters.class)
    @SuppressWarnings("unchecked")
    com.talentpipeline.core.kafka.reply.Responders pipelineResponders(KafkaTemplate<?, ?> kafka, DeadLetters deadLetters) {
        return new com.talentpipeline.core.kafka.reply.Responders((KafkaOperations<String, byte[]>) kafka, deadLetters);
    }

    /** The container error handler of every listener (spring-boot's container factory picks it up). */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    @ConditionalOnBean(DeadLetters.class)
    CommonErrorHandler pipelineErrorHandler(DeadLetters deadLetters, PipelineProperties properties) {
        return errorHandler(deadLetters, properties.kafka().retry());
    }

    static DefaultErrorHandler errorHandler(DeadLetters deadLetters, PipelineProperties.Retry retry) {
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        return new DefaultErrorHandler(deadLetters.recoverer(), backOff);
    }
}
