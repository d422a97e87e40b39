package com.talentpipeline.detection.detect;

import com.talentpipeline.detection.backbone.Backbone;
import com.talentpipeline.detection.backbone.PatchFeatures;
import com.talentpipeline.detection.maskcut.BoundaryRefiner;
import com.talentpipeline.detection.maskcut.DetectionResult;
import com.talentpipeline.detection.maskcut.MaskCut;
import com.talentpipeline.inference.vector.Vectors;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.awt.image.BufferedImage;
import java.util.concurrent.TimeUnit;

/**
 * Runs object discovery and similarity with the configured backbone, and records
 * {@code detection.latency} (features + cut + refinement), {@code detection.solver.latency} (affinity and
 * eigen-solver) and {@code detection.objects} (objects per image).
 */
public class DetectionService {

    private final Backbone backbone;
    private final MaskCut maskCut;
    private final boolean refine;
    private final Timer latency;
    private final Timer solver;
    private final DistributionSummary objects;

    public DetectionService(Backbone backbone, MaskCut maskCut, boolean refine, MeterRegistry meters) {
        this.backbone = backbone;
        this.maskCut = maskCut;
        this.refine = refine;
        String name = backbone.info().name();
        this.latency = Timer.builder("detection.latency").description("Object discovery time per image")
                .tag("backbone", name).publishPercentileHistogram().register(meters);
        this.solver = Timer.builder("detection.solver.latency")
                .description("Affinity and normalized-cut eigen-solver time per image").tag("backbone", name)
                .publishPercentileHistogram().register(meters);
        this.objects = DistributionSummary.builder("detection.objects").description("Objects found per image")
                .tag("backbone", name).register(meters);
    }

    public Backbone backbone() {
        return backbone;
    }

    /** Discovers objects; {@code decodeMillis} is reported with the other timings. */
    public DetectionReport detect(BufferedImage image, double decodeMillis) {
        long t0 = System.nanoTime();
        PatchFeatures features = backbone.extract(image);
        double featureMillis = (System.nanoTime() - t0) / 1e6;
        DetectionResult result = maskCut.discover(features, image.getWidth(), image.getHeight(),
                refine ? new BoundaryRefiner(image) : null);
        double totalMillis = (System.nanoTime() - t0) / 1e6;
        latency.record((long) (totalMillis * 1e6), TimeUnit.NANOSECONDS);
        solver.record((long) (result.solverMillis() * 1e6), TimeUnit.NANOSECONDS);
        objects.record(result.detections().size());
        return new DetectionReport(result, backbone.info(), maskCut.settings(), decodeMillis, featureMillis,
                totalMillis + decodeMillis);
    }

    /** Cosine similarity of the two images' global embeddings. */
    public double similarity(BufferedImage a, BufferedImage b) {
        return Vectors.cosine(backbone.extract(a).embedding(), backbone.extract(b).embedding());
    }
}
