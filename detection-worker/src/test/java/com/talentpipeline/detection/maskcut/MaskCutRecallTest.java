package com.talentpipeline.detection.maskcut;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.detection.backbone.BuiltinBackbone;
import com.talentpipeline.detection.backbone.PatchFeatures;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Recall at IoU >= 0.5 of MaskCut with the built-in backbone on 60 generated 480 px scenes with 1-3
 * known objects on textured, noisy and gradient backgrounds. Prints recall, mean IoU of the matched
 * objects, precision and the time per image (measured here, not asserted).
 */
class MaskCutRecallTest {

    static final int IMAGES = Integer.getInteger("scenes", 60);

    @Test
    void findsMostGeneratedObjectsAtIouHalf() {
        BuiltinBackbone backbone = BuiltinBackbone.defaults();
        MaskCut maskCut = new MaskCut(MaskCut.Settings.defaults());
        int objects = 0;
        int found = 0;
        int detections = 0;
        int correct = 0;
        double iouSum = 0;
        double matchedScore = 0;
        double unmatchedScore = 0;
        long nanos = 0;
        double solverMillis = 0;
        for (int seed = 0; seed < IMAGES; seed++) {
            SyntheticScenes.Scene scene = SyntheticScenes.generate(1000 + seed);
            long t0 = System.nanoTime();
            PatchFeatures features = backbone.extract(scene.image());
            DetectionResult result = maskCut.discover(features, scene.image().getWidth(), scene.image().getHeight(),
                    new BoundaryRefiner(scene.image()));
            if (seed > 0) { // the first image warms the JIT up
                nanos += System.nanoTime() - t0;
                solverMillis += result.solverMillis();
            }
            List<Detection> found0 = result.detections();
            if (seed < 8) {
                try {
                    javax.imageio.ImageIO.write(Overlay.draw(scene.image(), found0), "png",
                            new java.io.File("target/scene-" + seed + ".png"));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            detections += found0.size();
            boolean[] used = new boolean[found0.size()];
            StringBuilder line = new StringBuilder();
            for (PixelMask truth : scene.objects()) {
                objects++;
                double best = 0;
                int bestIndex = -1;
                for (int d = 0; d < found0.size(); d++) {
                    double iou = found0.get(d).mask().iou(truth);
                    if (iou > best) {
                        best = iou;
                        bestIndex = d;
                    }
                }
                line.append(String.format(Locale.ROOT, " %.2f", best));
                if (best >= 0.5) {
                    found++;
                    iouSum += best;
                    if (!used[bestIndex]) {
                        used[bestIndex] = true;
                        correct++;
                    }
                }
            }
            for (int d = 0; d < found0.size(); d++) {
                if (used[d]) {
                    matchedScore += found0.get(d).score();
                } else {
                    unmatchedScore += found0.get(d).score();
                }
            }
            System.out.printf(Locale.ROOT, "scene %d %s -> %d detections (%d patches, %d Lanczos steps, solver %.0f ms), best IoU per object:%s%n",
                    seed, scene.description(), found0.size(), result.gridRows() * result.gridCols(),
                    result.solverIterations(), result.solverMillis(), line);
        }
        double recall = (double) found / objects;
        System.out.printf(Locale.ROOT, "mean score of detections matching an object %.3f, of the others %.3f%n",
                matchedScore / Math.max(1, correct), unmatchedScore / Math.max(1, detections - correct));
        double meanIou = found == 0 ? 0 : iouSum / found;
        System.out.printf(Locale.ROOT,
                "MaskCut builtin: %d images, %d objects, recall@0.5 = %.3f, mean IoU (matched) = %.3f, "
                        + "precision@0.5 = %.3f (%d detections), %.1f ms per image (solver %.1f ms)%n",
                IMAGES, objects, recall, meanIou, (double) correct / Math.max(1, detections), detections,
                nanos / 1e6 / (IMAGES - 1), solverMillis / (IMAGES - 1));
        // Measured on these 60 seeds: recall 0.916 (120 of 131), mean IoU 0.895 (see the report); the
        // bounds leave room for nothing but a real regression.
        assertThat(recall).isGreaterThanOrEqualTo(0.88);
        assertThat(meanIou).isGreaterThanOrEqualTo(0.85);
    }
}
