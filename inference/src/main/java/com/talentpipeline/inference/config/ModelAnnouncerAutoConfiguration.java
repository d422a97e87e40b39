package com.talentpipeline.inference.config;

import com.talentpipeline.inference.model.LoadedModels;
import com.talentpipeline.inference.registry.ModelAnnouncer;
import com.talentpipeline.inference.registry.ResultVersion;
import com.talentpipeline.inference.text.TextEncoder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Every service that loads a model ({@link TextEncoder} bean) and can publish to Kafka
 * ({@link KafkaTemplate} bean) announces its {@link LoadedModels} on the compacted
 * {@code model.registry} topic, so {@code GET /v1/models} on the results API lists it. Runs after
 * {@link InferenceAutoConfiguration} and Spring Boot's Kafka auto-configuration (by name) so both
 * beans are known when the condition is evaluated.
 */
@AutoConfiguration(after = InferenceAutoConfiguration.class, afterName = {
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnBean({TextEncoder.class, LoadedModels.class, KafkaTemplate.class})
public class ModelAnnouncerAutoConfiguration {

    /** Creates the auto-configuration; instantiated by Spring. */
    public ModelAnnouncerAutoConfiguration() {
    }

    /**
     * @param models   the models loaded in this process
     * @param kafka    the service's Kafka template (String keys, byte[] values)
     * @param meters   meter registry for the requests-served count, if the application has one
     * @param service  {@code spring.application.name}: the {@code service} listed by {@code GET /v1/models}
     * @param interval {@code pipeline.models.announce-interval} (default 15 s; {@code 15s}, {@code 500ms}
     *                 or ISO-8601 {@code PT15S})
     * @param results  the service's {@link ResultVersion} beans, announced with the models
     * @return the announcer; it starts when the application is ready and withdraws on shutdown
     */
    @Bean
    @ConditionalOnMissingBean
    public ModelAnnouncer modelAnnouncer(LoadedModels models, KafkaTemplate<String, byte[]> kafka,
            ObjectProvider<MeterRegistry> meters, @Value("${spring.application.name}") String service,
            @Value("${pipeline.models.announce-interval:15s}") String interval, ObjectProvider<ResultVersion> results) {
        // Parsed here rather than bound: no dependency on the context having Boot's conversion service.
        Duration every = DurationStyle.detectAndParse(interval);
        return new ModelAnnouncer(models, kafka, meters.getIfAvailable(SimpleMeterRegistry::new), service, every,
                results.orderedStream().toList());
    }
}
