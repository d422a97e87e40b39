package com.talentpipeline.embedding.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Errors that escape the batch processor are infrastructure failures (Kafka not acknowledging,
 * for instance), never bad records, which the processor dead-letters itself. So the batch is
 * retried with backoff until it succeeds: nothing accepted is dropped.
 */
@Configuration(proxyBeanMethods = false)
public class WorkerKafkaConfiguration {

    @Bean
    CommonErrorHandler retryBatchUntilItSucceeds() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(10_000);
        return new DefaultErrorHandler(backOff);
    }
}
