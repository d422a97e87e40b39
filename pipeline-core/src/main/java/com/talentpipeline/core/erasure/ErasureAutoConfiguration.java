package com.talentpipeline.core.erasure;

import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The erasure kit in every service: its settings, the reporter (where Kafka is), the listener that
 * calls the service's participants (where it has any), and the ledger (where a database is).
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
        "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration"})
@EnableConfigurationProperties(ErasureProperties.class)
public class ErasureAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(KafkaTemplate.class)
    ErasureReporter erasureReporter(KafkaTemplate<String, byte[]> kafka, ErasureProperties properties) {
        return new ErasureReporter(kafka, properties.timeout());
    }

    @Bean
    @ConditionalOnBean({ErasureParticipant.class, ErasureReporter.class})
    @ConditionalOnProperty(name = "pipeline.erasure.listener", havingValue = "true", matchIfMissing = true)
    ErasureListener erasureListener(List<ErasureParticipant> participants, ErasureReporter reporter,
            ErasureProperties properties, com.talentpipeline.core.kafka.consume.ConsumeKit kit) {
        return new ErasureListener(participants, reporter, properties.timeout(), kit);
    }

    /** The ledger, in services with a database. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(DatabaseClient.class)
    static class Ledger {

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnBean(DatabaseClient.class)
        ErasureLedger erasureLedger(DatabaseClient db) {
            return new ErasureLedger(db);
        }
    }
}
