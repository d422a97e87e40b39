package com.talentpipeline.detection.detect;

import com.talentpipeline.detection.maskcut.Detection;
import com.talentpipeline.detection.maskcut.Overlay;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The overlay PNG (boxes and masks drawn on the image) that {@code GET /v1/images/{id}/detections?overlay=true}
 * serves. It is drawn here, where the image is, and published with the task's result, so the results API
 * serves it without the image: scaled down to at most {@code maxSide} pixels on the longer side, and left
 * out (null) when its PNG is larger than {@code maxBytes}, so the task event stays within the topic's limit.
 */
public final class OverlayPreview {

    private OverlayPreview() {
    }

    /** The overlay as base64 PNG, or null when larger than {@code maxBytes}. */
    public static String base64Png(BufferedImage image, List<Detection> detections, int maxSide, int maxBytes) {
        BufferedImage drawn = scaled(Overlay.draw(image, detections), maxSide);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(drawn, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size() > maxBytes ? null : Base64.getEncoder().encodeToString(out.toByteArray());
    }

    static BufferedImage scaled(BufferedImage image, int maxSide) {
        int longer = Math.max(image.getWidth(), image.getHeight());
        if (longer <= maxSide) {
            return image;
        }
        double f = (double) maxSide / longer;
        int w = Math.max(1, (int) Math.round(image.getWidth() * f));
        int h = Math.max(1, (int) Math.round(image.getHeight() * f));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return out;
    }
}
