package com.talentpipeline.rag.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The worker's settings, and its Kafka error policy: errors escaping the indexer are infrastructure
 * failures (PostgreSQL down), never bad records (those are dead-lettered by the indexer), so the batch
 * is retried with backoff until it succeeds.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RagProperties.class)
public class RagConfiguration {

    @Bean
    CommonErrorHandler retryBatchUntilItSucceeds() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(10_000);
        return new DefaultErrorHandler(backOff);
    }
}
