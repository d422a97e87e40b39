package com.talentpipeline.inference.model;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Registry of every model loaded in this process; backs {@code GET /v1/models}.
 *
 * <p>Thread-safe. Models register once at start-up and are read far more often than written, hence
 * a copy-on-write list.
 */
public final class LoadedModels {

    private final CopyOnWriteArrayList<ModelInfo> models = new CopyOnWriteArrayList<>();

    /**
     * Records a loaded model. Registering the same {@link ModelInfo#version()} twice replaces the
     * earlier entry (a reload of the same weights is not a second model).
     *
     * @param info the model's provenance
     */
    public void register(ModelInfo info) {
        synchronized (models) {
            models.removeIf(m -> m.version().equals(info.version()));
            models.add(info);
        }
    }

    /**
     * Removes a model, e.g. when its encoder is closed.
     *
     * @param version the {@link ModelInfo#version()} to remove
     */
    public void unregister(String version) {
        models.removeIf(m -> m.version().equals(version));
    }

    /** @return an immutable snapshot of all loaded models, in registration order */
    public List<ModelInfo> all() {
        return List.copyOf(models);
    }

    /**
     * @param name logical model name
     * @return the first loaded model with that name, if any
     */
    public Optional<ModelInfo> byName(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
