package com.talentpipeline.detection.backbone;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.detection.maskcut.BoundaryRefiner;
import com.talentpipeline.detection.maskcut.DetectionResult;
import com.talentpipeline.detection.maskcut.MaskCut;
import com.talentpipeline.detection.maskcut.PixelMask;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model backbone's whole path through DJL on ONNX Runtime: loading a file, the translator's resize
 * and normalisation, the engine's forward pass, the CLS token dropped, the patch grid, and MaskCut on
 * its features. The model is a patch-embedding layer written by {@link PatchEmbeddingOnnx} (no DINO
 * export can be downloaded here), so this proves the plumbing, not DINO's quality.
 */
class DinoBackboneOnnxTest {

    @TempDir
    Path dir;

    @Test
    void aModelWithDinosInterfaceLoadsThroughDjlAndFeedsMaskCut() throws Exception {
        Path file = PatchEmbeddingOnnx.write(dir.resolve("model.onnx"), 8);
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(230, 230, 225));
        g.fillRect(0, 0, 320, 240);
        g.setColor(new Color(20, 40, 170));
        g.fillOval(60, 50, 120, 120);
        g.dispose();
        try (DinoBackbone backbone = DinoBackbone.load(file.toString(), "OnnxRuntime", "patch-embed-test", 8, 320)) {
            assertThat(backbone.info().kind()).isEqualTo("model");
            assertThat(backbone.isReady()).isTrue();
            long t0 = System.nanoTime();
            PatchFeatures features = backbone.extract(image);
            double millis = (System.nanoTime() - t0) / 1e6;
            assertThat(features.rows()).isEqualTo(30);
            assertThat(features.cols()).isEqualTo(40);
            assertThat(features.dim()).isEqualTo(PatchEmbeddingOnnx.CHANNELS);
            // A background patch: ImageNet-normalised mean colour, no edge, unit length.
            float[] f = features.features();
            double norm = 0;
            for (int k = 0; k < 6; k++) {
                norm += f[k] * f[k];
            }
            assertThat(norm).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-4));
            assertThat(f[3]).isCloseTo(0f, org.assertj.core.data.Offset.offset(1e-4f));
            assertThat(f[0]).isGreaterThan(0f);

            DetectionResult result = new MaskCut(MaskCut.Settings.defaults())
                    .discover(features, 320, 240, new BoundaryRefiner(image));
            boolean[] truth = new boolean[320 * 240];
            for (int y = 0; y < 240; y++) {
                for (int x = 0; x < 320; x++) {
                    truth[y * 320 + x] = Math.hypot(x + 0.5 - 120, y + 0.5 - 110) <= 60;
                }
            }
            PixelMask circle = new PixelMask(320, 240, truth);
            double best = 0;
            for (var detection : result.detections()) {
                best = Math.max(best, detection.mask().iou(circle));
            }
            System.out.printf(Locale.ROOT, "ONNX patch-embedding backbone: features %.1f ms, %d detections, circle IoU %.3f%n",
                    millis, result.detections().size(), best);
            assertThat(best).isGreaterThan(0.8);
        }
    }
}
