package com.talentpipeline.detection.backbone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/**
 * The DINO path's pre- and post-processing on plain arrays (no DINO export can be downloaded here, so
 * the model itself is not run in tests).
 */
class DinoTranslatorTest {

    @Test
    void gridKeepsTheAspectRatioInWholePatches() {
        DinoTranslator translator = new DinoTranslator(8, 480);
        assertThat(translator.grid(640, 480)).containsExactly(45, 60);
        assertThat(translator.grid(1000, 1000)).containsExactly(60, 60);
        assertThat(new DinoTranslator(16, 480).grid(480, 300)).containsExactly(19, 30);
        assertThat(new DinoTranslator(8, 480, true).grid(640, 300)).containsExactly(60, 60);
    }

    @Test
    void pixelsAreChwAndNormalisedWithImageNetStatistics() {
        BufferedImage image = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 4; x++) {
                image.setRGB(x, y, (255 << 16) | (128 << 8));
            }
        }
        float[] chw = DinoTranslator.normalisedPixels(image, 4, 2);
        assertThat(chw).hasSize(24);
        assertThat(chw[0]).isCloseTo((1f - 0.485f) / 0.229f, within(1e-4f));
        assertThat(chw[8]).isCloseTo((128 / 255f - 0.456f) / 0.224f, within(1e-4f));
        assertThat(chw[16]).isCloseTo((0f - 0.406f) / 0.225f, within(1e-4f));
    }

    @Test
    void theClsTokenIsDroppedAndPatchesAreNormalised() {
        int dim = 2;
        float[] tokens = {9, 9, 3, 4, 0, 2, 1, 0, 6, 8};
        PatchFeatures features = DinoTranslator.patches(tokens, 5, dim, 2, 2);
        assertThat(features.features()).containsExactly(0.6f, 0.8f, 0f, 1f, 1f, 0f, 0.6f, 0.8f);
        assertThat(features.embedding()[0] * features.embedding()[0] + features.embedding()[1] * features.embedding()[1])
                .isCloseTo(1f, within(1e-5f));
        assertThatThrownBy(() -> DinoTranslator.patches(tokens, 5, dim, 2, 3))
                .hasMessageContaining("last layer's tokens");
    }
}
