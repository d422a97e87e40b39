package com.talentpipeline.detection.backbone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.talentpipeline.detection.maskcut.SyntheticScenes;
import com.talentpipeline.inference.vector.Vectors;
import org.junit.jupiter.api.Test;

class BuiltinBackboneTest {

    private final BuiltinBackbone backbone = BuiltinBackbone.defaults();

    @Test
    void patchesCoverTheImageAndAreUnitVectors() {
        var image = SyntheticScenes.generate(7).image();
        PatchFeatures features = backbone.extract(image);
        assertThat(features.cols()).isEqualTo(60);
        assertThat(features.rows()).isEqualTo(Math.round(image.getHeight() / 8f));
        assertThat(features.dim()).isEqualTo(BuiltinBackbone.DIM);
        double norm = 0;
        for (int k = 0; k < features.dim(); k++) {
            norm += features.features()[k] * features.features()[k];
        }
        assertThat(norm).isCloseTo(1, within(1e-4));
        assertThat(backbone.info().name()).isEqualTo("builtin-color-texture-v1");
    }

    /** Similarity from the global embedding: an image is closer to a noisy copy of itself than to another scene. */
    @Test
    void anImageIsMoreSimilarToItselfThanToAnotherScene() {
        var a = SyntheticScenes.generate(11).image();
        var b = SyntheticScenes.generate(12).image();
        var noisy = new java.awt.image.BufferedImage(a.getWidth(), a.getHeight(), java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int rgb = a.getRGB(x, y);
                int d = random.nextInt(11) - 5;
                int r = Math.max(0, Math.min(255, ((rgb >> 16) & 0xff) + d));
                int g = Math.max(0, Math.min(255, ((rgb >> 8) & 0xff) + d));
                int bl = Math.max(0, Math.min(255, (rgb & 0xff) + d));
                noisy.setRGB(x, y, (r << 16) | (g << 8) | bl);
            }
        }
        double self = Vectors.cosine(backbone.extract(a).embedding(), backbone.extract(noisy).embedding());
        double other = Vectors.cosine(backbone.extract(a).embedding(), backbone.extract(b).embedding());
        assertThat(self).isGreaterThan(0.95);
        assertThat(other).isLessThan(self - 0.1);
    }
}
