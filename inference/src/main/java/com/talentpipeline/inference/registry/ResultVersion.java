package com.talentpipeline.inference.registry;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A kind of result this service computes and the version of what computes it (rules, weights and the
 * models behind them), announced on {@code model.registry} next to the loaded models: a bean of this
 * type is picked up by {@link ModelAnnouncer}. The ingest API answers a submission from known results
 * only while every live instance announces the version those results were computed with.
 *
 * @param kind    the result kind, as in the cache, e.g. {@code resume-score}
 * @param version supplies the current version, e.g. {@code resume-scorer-1.0.0+all-minilm-l6-v2@...}
 */
public record ResultVersion(String kind, Supplier<String> version) {

    /** Validates. */
    public ResultVersion {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(version, "version");
    }
}
