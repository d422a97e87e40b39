package com.talentpipeline.ingest.config;

import com.talentpipeline.core.task.intake.IntakeSettings;
import com.talentpipeline.core.task.intake.TaskIntake;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Binds the ingest settings and the task intake kit every submission goes through. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
public class IngestConfiguration {

    /** The one intake: resumes, jobs, interviews and images are accepted the same way. */
    @Bean
    TaskIntake taskIntake(DatabaseClient db, TransactionalOperator tx, KafkaTemplate<String, byte[]> kafka,
            IngestProperties properties, MeterRegistry meters) {
        return TaskIntake.create(db, tx, kafka, new IntakeSettings(properties.ackTimeout(), properties.retryAfter()),
                meters);
    }
}
