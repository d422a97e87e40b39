package com.talentpipeline.inference.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.talentpipeline.inference.model.LoadedModels;
import com.talentpipeline.inference.text.TextEncoder;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The auto-configuration loads the model only when enabled, and wires health and metrics. */
class InferenceAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(InferenceAutoConfiguration.class));

    @Test
    void disabledByDefault() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(TextEncoder.class);
            assertThat(context).doesNotHaveBean(LoadedModels.class);
            assertThat(context).doesNotHaveBean("textModelHealthIndicator");
        });
        runner.withPropertyValues("pipeline.inference.text.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(TextEncoder.class));
    }

    @Test
    void enabledLoadsModelWithHealthAndPrometheusMetrics() {
        runner.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                        CompositeMeterRegistryAutoConfiguration.class, PrometheusMetricsExportAutoConfiguration.class))
                .withPropertyValues("pipeline.inference.text.enabled=true", "pipeline.inference.text.batch-size=8")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    TextEncoder encoder = context.getBean(TextEncoder.class);
                    assertThat(encoder.info().dimension()).isEqualTo(384);
                    assertThat(context.getBean(TextModelProperties.class).getBatchSize()).isEqualTo(8);
                    assertThat(context.getBean(LoadedModels.class).all()).containsExactly(encoder.info());

                    HealthIndicator health = context.getBean("textModelHealthIndicator", HealthIndicator.class);
                    Health up = health.health();
                    assertThat(up.getStatus()).isEqualTo(Status.UP);
                    assertThat(up.getDetails()).containsEntry("version", encoder.info().version())
                            .containsEntry("engine", "OnnxRuntime").containsEntry("dimension", 384);

                    encoder.embed(List.of("Java backend engineer", "Pastry chef"));
                    String scrape = context.getBean(PrometheusMeterRegistry.class).scrape();
                    assertThat(scrape)
                            .contains("inference_latency_seconds_bucket{engine=\"OnnxRuntime\",model=\"all-minilm-l6-v2\",le=")
                            .contains("inference_latency_seconds_count{engine=\"OnnxRuntime\",model=\"all-minilm-l6-v2\"} 1")
                            .contains("inference_batch_size_bucket{")
                            .contains("inference_batch_size_count{model=\"all-minilm-l6-v2\"} 1")
                            .contains("inference_texts_total{model=\"all-minilm-l6-v2\"} 2.0");

                    encoder.close();
                    assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
                    assertThatThrownBy(() -> encoder.embed(List.of("x"))).isInstanceOf(IllegalStateException.class);
                    encoder.close(); // idempotent; the context closes it again on shutdown
                });
    }
}
