package com.talentpipeline.results.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.model.WorkerModels;
import com.talentpipeline.core.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class ModelRegistryTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static WorkerModels worker(String instance, Instant at, long served) {
        return new WorkerModels("embedding-worker", instance, T0, at, List.of(new WorkerModels.LoadedModel(
                "all-minilm-l6-v2", "all-minilm-l6-v2@759c3cd2b7fe", "759c3cd2b7fe" + "0".repeat(52), "OnnxRuntime",
                "cpu", 384, 812, "classpath", served)));
    }

    private static ConsumerRecord<String, byte[]> record(long offset, WorkerModels w, String key) {
        byte[] value = w == null ? null : Topics.MODEL_REGISTRY.encode(
                EventEnvelope.of(Topics.MODEL_REGISTRY_NAME, null, null, key, null, null, w));
        return new ConsumerRecord<>(Topics.MODEL_REGISTRY_NAME, 0, offset, key, value);
    }

    @Test
    void keepsTheLatestAnnouncementPerInstanceAndForgetsOnATombstone() throws Exception {
        ModelRegistry registry = new ModelRegistry(Duration.ofSeconds(60));
        ModelRegistryListener listener = new ModelRegistryListener(registry,
                com.talentpipeline.core.kafka.consume.ConsumeKit.of(null, new io.micrometer.core.instrument.simple.SimpleMeterRegistry(),
                        "results-api"));
        WorkerModels a1 = worker("a", T0, 1);
        WorkerModels a2 = worker("a", T0.plusSeconds(15), 7);
        WorkerModels b = worker("b", T0.plusSeconds(15), 3);
        listener.onAnnouncements(List.of(record(0, a1, a1.key()), record(1, a2, a2.key()), record(2, b, b.key()),
                new ConsumerRecord<>(Topics.MODEL_REGISTRY_NAME, 0, 3, "x/y", "{garbage".getBytes())));

        List<ModelView> models = registry.models(T0.plusSeconds(20));
        assertThat(models).extracting(ModelView::instance).containsExactly("a", "b");
        assertThat(models.get(0).requestsServed()).isEqualTo(7);
        assertThat(models.get(0).version()).isEqualTo("all-minilm-l6-v2@759c3cd2b7fe");
        assertThat(models).noneMatch(ModelView::stale);

        listener.onAnnouncements(List.of(record(4, null, b.key())));
        assertThat(registry.models(T0.plusSeconds(20))).extracting(ModelView::instance).containsExactly("a");
    }

    @Test
    void anInstanceThatStoppedAnnouncingIsStale() {
        ModelRegistry registry = new ModelRegistry(Duration.ofSeconds(60));
        registry.apply("embedding-worker/a", worker("a", T0, 0));
        assertThat(registry.models(T0.plusSeconds(59)).get(0).stale()).isFalse();
        assertThat(registry.models(T0.plusSeconds(61)).get(0).stale()).isTrue();
    }
}
