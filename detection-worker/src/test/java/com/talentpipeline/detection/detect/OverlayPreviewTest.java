package com.talentpipeline.detection.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.detection.maskcut.Detection;
import com.talentpipeline.detection.maskcut.PixelMask;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The overlay published with an upload's result: drawn on the image, scaled to the side limit, dropped when too large. */
class OverlayPreviewTest {

    static List<Detection> oneBox(int width, int height) {
        PixelMask mask = PixelMask.fromRle(width, height, List.of(0L, (long) width * height / 2, (long) width * height / 2));
        return List.of(new Detection(mask, mask.bbox(), mask.area(), 0.9, 0));
    }

    @Test
    void smallImagesKeepTheirSizeLargeOnesAreScaledAndOversizedPngsAreLeftOut() throws Exception {
        BufferedImage small = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
        String png = OverlayPreview.base64Png(small, oneBox(120, 80), 640, 512 * 1024);
        BufferedImage drawn = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(png)));
        assertThat(drawn.getWidth()).isEqualTo(120);
        // Something was drawn on the black image.
        boolean changed = false;
        for (int y = 0; y < 80 && !changed; y++) {
            for (int x = 0; x < 120 && !changed; x++) {
                changed = (drawn.getRGB(x, y) & 0xFFFFFF) != 0;
            }
        }
        assertThat(changed).isTrue();

        BufferedImage large = new BufferedImage(1600, 900, BufferedImage.TYPE_INT_RGB);
        BufferedImage scaled = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(
                OverlayPreview.base64Png(large, oneBox(1600, 900), 640, 512 * 1024))));
        assertThat(scaled.getWidth()).isEqualTo(640);
        assertThat(scaled.getHeight()).isEqualTo(360);

        assertThat(OverlayPreview.base64Png(small, oneBox(120, 80), 640, 10)).isNull();
    }
}
