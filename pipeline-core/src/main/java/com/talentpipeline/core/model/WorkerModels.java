package com.talentpipeline.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One worker instance's loaded models, the payload of {@code model.registry} records. Keyed by
 * {@link #key()}; a worker re-announces periodically (so {@code requestsServed} stays current and
 * a crashed worker shows up as stale) and sends a tombstone (null value) when it stops.
 *
 * @param service     the worker's application name, e.g. {@code embedding-worker}
 * @param instance    the instance id (pod name in Kubernetes, host and pid otherwise)
 * @param startedAt   when the instance started
 * @param announcedAt when this announcement was made
 * @param models      the models it serves
 * @param results     the version of what produces each kind of result the instance computes without being
 *                    a model of its own, e.g. {@code resume-score -> resume-scorer-1.0.0+all-minilm-l6-v2@...};
 *                    the ingest API's door answers from known results only while every live instance
 *                    announces the same version (absent in announcements of older instances: empty)
 */
public record WorkerModels(String service, String instance, Instant startedAt, Instant announcedAt,
        List<LoadedModel> models, Map<String, String> results) {

    /** Validates and copies. */
    public WorkerModels {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(instance, "instance");
        models = models == null ? List.of() : List.copyOf(models);
        results = results == null ? Map.of() : Map.copyOf(results);
    }

    /** An announcement without result versions. */
    public WorkerModels(String service, String instance, Instant startedAt, Instant announcedAt,
            List<LoadedModel> models) {
        this(service, instance, startedAt, announcedAt, models, Map.of());
    }

    /** @return the record key: {@code service/instance} */
    public String key() {
        return key(service, instance);
    }

    /** @return the record key of an instance */
    public static String key(String service, String instance) {
        return service + "/" + instance;
    }

    /**
     * One loaded model.
     *
     * @param name           logical name, e.g. {@code all-minilm-l6-v2}
     * @param version        {@code name@<12 hex of digest>}
     * @param digest         SHA-256 of the weights
     * @param engine         DJL engine
     * @param device         {@code cpu} or {@code gpu(N)}
     * @param dimension      output vector length
     * @param loadTimeMillis time to load and warm up at start-up
     * @param source         where it was loaded from
     * @param requestsServed texts embedded since the instance started
     */
    public record LoadedModel(String name, String version, String digest, String engine, String device,
            int dimension, long loadTimeMillis, String source, long requestsServed) {
    }
}
