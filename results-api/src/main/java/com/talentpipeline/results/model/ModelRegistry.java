package com.talentpipeline.results.model;

import com.talentpipeline.core.model.WorkerModels;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The latest announcement of each worker instance, as read from {@code model.registry}. In memory:
 * the compacted topic is the store, re-read from its start whenever the results API starts.
 */
@Component
class ModelRegistry {

    private final Map<String, WorkerModels> instances = new ConcurrentHashMap<>();
    private final Duration staleAfter;

    /**
     * @param staleAfter an instance whose last announcement is older is reported {@code stale}
     *                   (it crashed or lost Kafka); default 60 s, four announce intervals
     */
    public ModelRegistry(@Value("${pipeline.models.stale-after:60s}") Duration staleAfter) {
        this.staleAfter = staleAfter;
    }

    /** Records an announcement, or forgets the instance on a tombstone ({@code models == null}). */
    public void apply(String key, WorkerModels models) {
        if (models == null) {
            instances.remove(key);
        } else {
            instances.merge(key, models, (old, now) -> now.announcedAt().isBefore(old.announcedAt()) ? old : now);
        }
    }

    /** @return one row per model per instance, by service, instance and model name */
    public List<ModelView> models(Instant now) {
        return instances.values().stream()
                .flatMap(w -> w.models().stream().map(m -> ModelView.of(w, m, w.announcedAt().plus(staleAfter).isBefore(now))))
                .sorted(Comparator.comparing(ModelView::service).thenComparing(ModelView::instance)
                        .thenComparing(ModelView::name))
                .toList();
    }
}
