package com.talentpipeline.detection.maskcut;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/** Draws detections onto a copy of the image: translucent masks, boxes and scores, for people who would rather look. */
public final class Overlay {

    private static final Color[] PALETTE = {new Color(230, 25, 75), new Color(60, 180, 75), new Color(0, 130, 200),
        new Color(245, 130, 48), new Color(145, 30, 180), new Color(70, 240, 240)};

    private Overlay() {
    }

    /** The image with each detection's mask blended at 45 % and its box and score drawn. */
    public static BufferedImage draw(BufferedImage image, List<Detection> detections) {
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        for (int k = 0; k < detections.size(); k++) {
            Color color = PALETTE[k % PALETTE.length];
            boolean[] mask = detections.get(k).mask().pixels();
            for (int p = 0; p < rgb.length; p++) {
                if (mask[p]) {
                    rgb[p] = blend(rgb[p], color, 0.45);
                }
            }
        }
        out.setRGB(0, 0, w, h, rgb, 0, w);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setStroke(new BasicStroke(Math.max(2f, w / 240f)));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, w / 40)));
            for (int k = 0; k < detections.size(); k++) {
                Detection d = detections.get(k);
                g.setColor(PALETTE[k % PALETTE.length]);
                int[] b = d.bbox();
                g.drawRect(b[0], b[1], Math.max(1, b[2] - 1), Math.max(1, b[3] - 1));
                String label = String.format(Locale.ROOT, "#%d %.2f", k + 1, d.score());
                g.drawString(label, b[0] + 3, Math.max(g.getFontMetrics().getAscent(), b[1] - 3));
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    private static int blend(int rgb, Color color, double alpha) {
        int r = (int) (((rgb >> 16) & 0xff) * (1 - alpha) + color.getRed() * alpha);
        int g = (int) (((rgb >> 8) & 0xff) * (1 - alpha) + color.getGreen() * alpha);
        int b = (int) ((rgb & 0xff) * (1 - alpha) + color.getBlue() * alpha);
        return (r << 16) | (g << 8) | b;
    }
}
