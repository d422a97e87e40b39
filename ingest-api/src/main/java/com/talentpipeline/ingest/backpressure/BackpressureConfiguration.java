package com.talentpipeline.ingest.backpressure;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Binds {@link BackpressureProperties} and declares the lag measurement and the filter. Declared
 * here rather than scanned, so web slice tests of the controllers do not need Kafka.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BackpressureProperties.class)
class BackpressureConfiguration {

    @Bean
    ConsumerLag consumerLag(BackpressureProperties properties, KafkaAdmin kafkaAdmin) {
        return new ConsumerLag(properties, kafkaAdmin);
    }

    @Bean
    BacklogGuard backlogGuard(BackpressureProperties properties, ConsumerLag consumerLag, MeterRegistry meters) {
        return new BacklogGuard(properties, consumerLag, meters);
    }
}
