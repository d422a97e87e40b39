package com.talentpipeline.inference.model;

import java.util.Objects;

/**
 * Provenance of one loaded model, attached to every vector it produces so results stay traceable to
 * the exact weights.
 *
 * @param name           logical model name, e.g. {@code all-minilm-l6-v2}
 * @param version        {@code name + "@" +} the first 12 hex chars of {@link #digest()}; changes
 *                       whenever the weights change, so it is safe to key stored vectors by it
 * @param dimension      length of each output vector
 * @param engine         DJL engine name, {@code OnnxRuntime} or {@code PyTorch}
 * @param device         device the model runs on, {@code cpu} or {@code gpu(N)}
 * @param digest         full lowercase hex SHA-256 of the model weights file
 * @param loadTimeMillis wall-clock time to resolve, load and warm up the model
 * @param source         where the model was loaded from (classpath resource URL, local path or DJL URL)
 */
public record ModelInfo(
        String name,
        String version,
        int dimension,
        String engine,
        String device,
        String digest,
        long loadTimeMillis,
        String source) {

    // Fail fast: a ModelInfo is attached to stored vectors, so a half-filled one must never exist.
    public ModelInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(source, "source");
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be positive: " + dimension);
        }
    }

    /**
     * Builds the canonical version string.
     *
     * @param name   logical model name
     * @param digest hex SHA-256 of the weights (at least 12 chars)
     * @return {@code name@<first 12 hex of digest>}
     */
    public static String versionOf(String name, String digest) {
        return name + "@" + digest.substring(0, Math.min(12, digest.length()));
    }
}
