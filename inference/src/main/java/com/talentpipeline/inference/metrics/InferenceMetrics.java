package com.talentpipeline.inference.metrics;

import com.talentpipeline.inference.model.ModelInfo;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Per-model meters for forward passes.
 *
 * <ul>
 *   <li>{@value #LATENCY} timer (tags {@code model}, {@code engine}) &mdash; one sample per forward
 *       pass, with a percentile histogram so p95/p99 can be aggregated across instances;</li>
 *   <li>{@value #BATCH_SIZE} distribution summary (tag {@code model}) &mdash; inputs per forward
 *       pass, with a histogram to see whether batching actually happens;</li>
 *   <li>{@value #TEXTS} counter (tag {@code model}) &mdash; caller texts embedded (a long text split
 *       into several windows still counts once).</li>
 * </ul>
 *
 * <p>Without a {@link MeterRegistry} (plain library use, tests) all calls are no-ops.
 */
public final class InferenceMetrics {

    /** Timer name; Prometheus exposes {@code inference_latency_seconds_*}. */
    public static final String LATENCY = "inference.latency";
    /** Distribution summary name; Prometheus exposes {@code inference_batch_size_*}. */
    public static final String BATCH_SIZE = "inference.batch.size";
    /** Counter name; Prometheus exposes {@code inference_texts_total}. */
    public static final String TEXTS = "inference.texts";
    /** Gauge name; Prometheus exposes {@code inference_model_load_seconds}. */
    public static final String MODEL_LOAD = "inference.model.load";

    private static final InferenceMetrics NOOP = new InferenceMetrics(null, null, null);

    private final Timer latency;
    private final DistributionSummary batchSize;
    private final Counter texts;

    private InferenceMetrics(Timer latency, DistributionSummary batchSize, Counter texts) {
        this.latency = latency;
        this.batchSize = batchSize;
        this.texts = texts;
    }

    /**
     * Registers (or looks up) the meters for one model.
     *
     * @param registry the registry, or {@code null} for no-op metrics
     * @param model    the model the meters describe (its {@link ModelInfo#name()} and engine become tags)
     * @return the meters
     */
    public static InferenceMetrics of(MeterRegistry registry, ModelInfo model) {
        if (registry == null) {
            return NOOP;
        }
        Timer latency = Timer.builder(LATENCY)
                .description("Wall time of one model forward pass (tokenize + infer + pool)")
                .tag("model", model.name())
                .tag("engine", model.engine())
                .publishPercentileHistogram()
                .register(registry);
        DistributionSummary batchSize = DistributionSummary.builder(BATCH_SIZE)
                .description("Inputs per model forward pass")
                .tag("model", model.name())
                .publishPercentileHistogram()
                .register(registry);
        Counter texts = Counter.builder(TEXTS)
                .description("Texts embedded")
                .tag("model", model.name())
                .register(registry);
        return new InferenceMetrics(latency, batchSize, texts);
    }

    /**
     * Exports how long a model took to resolve, load and warm up, as the gauge {@value #MODEL_LOAD}
     * in seconds (tags {@code model}, {@code version}, {@code engine}, {@code device}). A restart with
     * other weights shows up as a new {@code version} series.
     *
     * @param registry the registry, or {@code null} to export nothing
     * @param model    the loaded model
     */
    public static void recordModelLoad(MeterRegistry registry, ModelInfo model) {
        if (registry == null) {
            return;
        }
        double seconds = model.loadTimeMillis() / 1000.0;
        io.micrometer.core.instrument.Gauge.builder(MODEL_LOAD, () -> seconds)
                .description("Wall time to resolve, load and warm up the model at start-up")
                .baseUnit("seconds")
                .tag("model", model.name())
                .tag("version", model.version())
                .tag("engine", model.engine())
                .tag("device", model.device())
                .register(registry);
    }

    /** @return metrics that record nothing */
    public static InferenceMetrics noop() {
        return NOOP;
    }

    /**
     * Records one forward pass.
     *
     * @param inputs      inputs in the pass
     * @param elapsedNanos wall time of the pass
     */
    public void recordForwardPass(int inputs, long elapsedNanos) {
        if (latency != null) {
            latency.record(elapsedNanos, TimeUnit.NANOSECONDS);
            batchSize.record(inputs);
        }
    }

    /**
     * Counts caller texts.
     *
     * @param count texts embedded by one call
     */
    public void recordTexts(int count) {
        if (texts != null) {
            texts.increment(count);
        }
    }
}
