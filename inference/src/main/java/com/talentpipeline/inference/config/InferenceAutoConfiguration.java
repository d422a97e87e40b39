package com.talentpipeline.inference.config;

import com.talentpipeline.inference.metrics.InferenceMetrics;
import com.talentpipeline.inference.model.LoadedModels;
import com.talentpipeline.inference.text.DjlTextEncoder;
import com.talentpipeline.inference.text.QueryEncoder;
import com.talentpipeline.inference.text.TextEncoder;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the text model once, synchronously, while the application context starts: beans that need a
 * {@link TextEncoder} (Kafka listeners, controllers) cannot start before the model is ready, and a
 * model that fails to load fails the start-up instead of failing the first request.
 *
 * <p>Active only with {@code pipeline.inference.text.enabled=true}, so services that do not embed pay
 * nothing. Runs after the metrics auto-configuration (by name, to avoid a compile dependency on
 * actuator) so the encoder's meters land in the application's registry.
 *
 * @see ModelAnnouncerAutoConfiguration
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnBooleanProperty(prefix = "pipeline.inference.text", name = "enabled")
@EnableConfigurationProperties(TextModelProperties.class)
public class InferenceAutoConfiguration {

    /** Creates the auto-configuration; instantiated by Spring. */
    public InferenceAutoConfiguration() {
    }

    /**
     * @return the registry of loaded models, backing {@code GET /v1/models}
     */
    @Bean
    @ConditionalOnMissingBean
    public LoadedModels loadedModels() {
        return new LoadedModels();
    }

    /**
     * Loads the configured text model (blocking) and registers it in {@link LoadedModels}.
     *
     * @param properties   {@code pipeline.inference.text.*}
     * @param loadedModels registry to record the model in
     * @param registry     meter registry, if the application has one
     * @return the ready encoder; closed with the context
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public TextEncoder textEncoder(TextModelProperties properties, LoadedModels loadedModels,
            ObjectProvider<MeterRegistry> registry) {
        DjlTextEncoder encoder = DjlTextEncoder.load(properties, registry.getIfAvailable());
        loadedModels.register(encoder.info());
        InferenceMetrics.recordModelLoad(registry.getIfAvailable(), encoder.info());
        return encoder;
    }

    /**
     * Query-time texts (questions, search queries): cached by text and batched across concurrent callers.
     *
     * @param encoder    the text encoder
     * @param properties {@code query-cache-size} and the batch size
     * @param registry   meter registry, if the application has one
     * @return the query encoder; closed with the context
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public QueryEncoder queryEncoder(TextEncoder encoder, TextModelProperties properties,
            ObjectProvider<MeterRegistry> registry) {
        return new QueryEncoder(encoder, properties.getQueryCacheSize(), properties.getBatchSize(),
                registry.getIfAvailable());
    }

    /** Health wiring, only where the health API is on the classpath. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class HealthConfiguration {

        /**
         * Bean name {@code textModelHealthIndicator} becomes health contributor {@code textModel}.
         *
         * @param encoder the text encoder
         * @return the {@code textModel} health indicator
         */
        @Bean
        @ConditionalOnMissingBean(name = "textModelHealthIndicator")
        TextModelHealthIndicator textModelHealthIndicator(TextEncoder encoder) {
            return new TextModelHealthIndicator(encoder);
        }
    }
}
