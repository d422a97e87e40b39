package com.talentpipeline.ingest.submission;

import com.talentpipeline.core.task.intake.IntakeSettings;
import com.talentpipeline.core.task.intake.TaskIntake;
import com.talentpipeline.ingest.config.IngestProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** The task intake kit every submission goes through: resumes, jobs, interviews and images alike. */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    @Bean
    TaskIntake taskIntake(DatabaseClient db, TransactionalOperator tx, KafkaTemplate<String, byte[]> kafka,
            IngestProperties properties, MeterRegistry meters) {
        return TaskIntake.create(db, tx, kafka, new IntakeSettings(properties.ackTimeout(), properties.retryAfter()),
                meters);
    }
}
