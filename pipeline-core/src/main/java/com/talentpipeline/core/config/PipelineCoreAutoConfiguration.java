package com.talentpipeline.core.config;

import com.talentpipeline.core.cache.ResultCache;
import com.talentpipeline.core.topic.Topic;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.core.trace.TaskTracing;
import com.talentpipeline.core.web.ProblemDetailsAdvice;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * What every service gets from pipeline-core: the topics of the registry (and their DLTs) created
 * at start-up, producers that are idempotent with {@code acks=all}, the result cache, schema
 * migration where enabled, and problem+json error bodies.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@EnableConfigurationProperties(PipelineProperties.class)
public class PipelineCoreAutoConfiguration {

    /** Every registry topic plus its dead-letter topic, created if absent. */
    @Bean
    @ConditionalOnProperty(name = "pipeline.kafka.create-topics", havingValue = "true", matchIfMissing = true)
    KafkaAdmin.NewTopics pipelineTopics(PipelineProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic<?> topic : Topics.all()) {
            TopicBuilder builder = TopicBuilder.name(topic.name())
                    .partitions(topic.partitions())
                    .replicas(properties.kafka().replicas());
            builder.configs(topic.configs());
            topics.add(builder.build());
            topics.add(TopicBuilder.name(topic.deadLetterTopic())
                    .partitions(topic.partitions())
                    .replicas(properties.kafka().replicas())
                    .build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /** Accepted means acknowledged by all in-sync replicas, written once. */
    @Bean
    DefaultKafkaProducerFactoryCustomizer pipelineProducerDefaults() {
        return factory -> factory.updateConfigs(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
    }

    /**
     * A killed worker's partitions move to the others after {@code pipeline.kafka.session-timeout}, not
     * Kafka's 45 s default; explicit {@code spring.kafka.consumer.properties.*} settings win.
     */
    @Bean
    DefaultKafkaConsumerFactoryCustomizer pipelineConsumerDefaults(PipelineProperties properties) {
        return factory -> {
            Map<String, Object> configured = factory.getConfigurationProperties();
            Map<String, Object> defaults = new java.util.HashMap<>();
            if (!configured.containsKey(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG)) {
                defaults.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) properties.kafka().sessionTimeout().toMillis());
            }
            if (!configured.containsKey(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG)) {
                defaults.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) properties.kafka().heartbeatInterval().toMillis());
            }
            factory.updateConfigs(defaults);
        };
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(ReactiveStringRedisTemplate.class)
    ResultCache resultCache(ReactiveStringRedisTemplate redis, PipelineProperties properties, MeterRegistry meters) {
        return new ResultCache(redis, properties.cache(), meters);
    }

    @Bean
    @ConditionalOnProperty(name = "pipeline.db.migrate", havingValue = "true")
    SchemaMigrator schemaMigrator(PipelineProperties properties) {
        return new SchemaMigrator(properties.db());
    }

    /**
     * {@code pipeline_readiness_state}: 1 while the application accepts traffic, 0 otherwise, so an
     * alert can tell "up but not ready" from "down" ({@code up == 0}).
     */
    @Bean
    @ConditionalOnBean(MeterRegistry.class)
    MeterBinder pipelineReadinessGauge(ApplicationAvailability availability) {
        return registry -> Gauge.builder("pipeline.readiness.state",
                        () -> availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC ? 1 : 0)
                .description("1 while the service accepts traffic (readiness UP), 0 otherwise")
                .register(registry);
    }

    /** Continues each task's trace in consumers (Micrometer Tracing when configured, a no-op otherwise). */
    @Bean
    @ConditionalOnMissingBean
    TaskTracing taskTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new TaskTracing(tracer, propagator);
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnClass(name = "org.springframework.web.reactive.DispatcherHandler")
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }
}
