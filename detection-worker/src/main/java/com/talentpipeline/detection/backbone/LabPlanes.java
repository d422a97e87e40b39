package com.talentpipeline.detection.backbone;

import java.awt.image.BufferedImage;

/** sRGB to CIE Lab (D65), per pixel; shared with the mask refiner. */
public final class LabPlanes {

    private static final double[] LINEAR = new double[256];

    static {
        for (int i = 0; i < 256; i++) {
            double c = i / 255.0;
            LINEAR[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
    }

    private LabPlanes() {
    }

    /** {@code {L, a, b}} planes, row-major, of an RGB image. */
    public static float[][] of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        float[][] out = new float[3][w * h];
        for (int p = 0; p < rgb.length; p++) {
            double r = LINEAR[(rgb[p] >> 16) & 0xff];
            double g = LINEAR[(rgb[p] >> 8) & 0xff];
            double b = LINEAR[rgb[p] & 0xff];
            double x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
            double y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
            double z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
            out[0][p] = (float) (116 * y - 16);
            out[1][p] = (float) (500 * (x - y));
            out[2][p] = (float) (200 * (y - z));
        }
        return out;
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }
}
