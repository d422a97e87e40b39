package com.talentpipeline.detection.maskcut;

import com.talentpipeline.detection.backbone.LabPlanes;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * Pixel-level refinement of a mask upsampled from the patch grid (a light stand-in for CutLER's CRF):
 * pixels within one patch of the mask's boundary are re-assigned to the object or the background by
 * their nearest colour among a few Lab colour centres (k-means) of the object's interior and of the
 * ring just outside it. Patch features see an edge from both sides, so patch masks tend to spill one
 * patch over the object; colour puts the boundary back on the edge. Textured objects keep their
 * several colours as several centres.
 */
public final class BoundaryRefiner {

    private static final int CENTRES = 3;
    private static final int SAMPLES = 2000;

    private final int width;
    private final int height;
    /** 3x3 box-blurred Lab planes. */
    private final float[][] lab;

    /** Prepares the refiner for one image (its Lab planes, smoothed 3x3 against pixel noise). */
    public BoundaryRefiner(BufferedImage image) {
        this.width = image.getWidth();
        this.height = image.getHeight();
        this.lab = blur(LabPlanes.of(image), width, height);
    }

    /** The mask with its boundary band re-assigned; the mask itself when either side has too few pixels. */
    public PixelMask refine(PixelMask mask, int band) {
        boolean[] m = mask.pixels();
        int[] distance = distances(m);
        // distance > 0 inside (steps to the nearest outside pixel), < 0 outside.
        float[][] inner = sample(distance, d -> d > band, 11);
        float[][] outer = sample(distance, d -> d < -band && d >= -3 * band, 13);
        if (inner.length < 20 || outer.length < 20) {
            return mask;
        }
        float[][] fg = kmeans(inner);
        float[][] bg = kmeans(outer);
        boolean[] out = m.clone();
        for (int p = 0; p < m.length; p++) {
            int d = distance[p];
            if (d != 0 && Math.abs(d) <= band) {
                out[p] = nearest(p, fg) < nearest(p, bg);
            }
        }
        return new PixelMask(width, height, out);
    }

    private double nearest(int p, float[][] centres) {
        double best = Double.MAX_VALUE;
        for (float[] c : centres) {
            double dl = lab[0][p] - c[0];
            double da = lab[1][p] - c[1];
            double db = lab[2][p] - c[2];
            best = Math.min(best, dl * dl + da * da + db * db);
        }
        return best;
    }

    private float[][] sample(int[] distance, java.util.function.IntPredicate keep, long seed) {
        int count = 0;
        for (int d : distance) {
            if (keep.test(d)) {
                count++;
            }
        }
        if (count == 0) {
            return new float[0][];
        }
        int step = Math.max(1, count / SAMPLES);
        float[][] out = new float[Math.min(count, (count + step - 1) / step)][];
        int k = 0;
        int seen = 0;
        for (int p = 0; p < distance.length && k < out.length; p++) {
            if (keep.test(distance[p])) {
                if (seen++ % step == 0) {
                    out[k++] = new float[] {lab[0][p], lab[1][p], lab[2][p]};
                }
            }
        }
        return java.util.Arrays.copyOf(out, k);
    }

    private static float[][] kmeans(float[][] points) {
        SplittableRandom random = new SplittableRandom(7);
        int k = Math.min(CENTRES, points.length);
        float[][] centres = new float[k][];
        for (int c = 0; c < k; c++) {
            centres[c] = points[random.nextInt(points.length)].clone();
        }
        int[] assignment = new int[points.length];
        for (int iteration = 0; iteration < 10; iteration++) {
            for (int i = 0; i < points.length; i++) {
                double best = Double.MAX_VALUE;
                for (int c = 0; c < k; c++) {
                    double d = 0;
                    for (int j = 0; j < 3; j++) {
                        d += (points[i][j] - centres[c][j]) * (points[i][j] - centres[c][j]);
                    }
                    if (d < best) {
                        best = d;
                        assignment[i] = c;
                    }
                }
            }
            double[][] sums = new double[k][3];
            int[] counts = new int[k];
            for (int i = 0; i < points.length; i++) {
                counts[assignment[i]]++;
                for (int j = 0; j < 3; j++) {
                    sums[assignment[i]][j] += points[i][j];
                }
            }
            for (int c = 0; c < k; c++) {
                if (counts[c] > 0) {
                    for (int j = 0; j < 3; j++) {
                        centres[c][j] = (float) (sums[c][j] / counts[c]);
                    }
                }
            }
        }
        return centres;
    }

    /** Signed chessboard distance to the boundary: positive inside, negative outside (two-pass). */
    private int[] distances(boolean[] m) {
        int[] inside = chamfer(m, true);
        int[] outside = chamfer(m, false);
        int[] out = new int[m.length];
        for (int p = 0; p < m.length; p++) {
            out[p] = m[p] ? inside[p] : -outside[p];
        }
        return out;
    }

    /** Chessboard distance from each pixel with {@code m == value} to the nearest pixel without. */
    private int[] chamfer(boolean[] m, boolean value) {
        int big = width + height;
        int[] d = new int[m.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = y * width + x;
                if (m[p] != value) {
                    d[p] = 0;
                    continue;
                }
                int v = big;
                if (x > 0) {
                    v = Math.min(v, d[p - 1] + 1);
                }
                if (y > 0) {
                    v = Math.min(v, d[p - width] + 1);
                    if (x > 0) {
                        v = Math.min(v, d[p - width - 1] + 1);
                    }
                    if (x < width - 1) {
                        v = Math.min(v, d[p - width + 1] + 1);
                    }
                }
                d[p] = v;
            }
        }
        for (int y = height - 1; y >= 0; y--) {
            for (int x = width - 1; x >= 0; x--) {
                int p = y * width + x;
                int v = d[p];
                if (x < width - 1) {
                    v = Math.min(v, d[p + 1] + 1);
                }
                if (y < height - 1) {
                    v = Math.min(v, d[p + width] + 1);
                    if (x < width - 1) {
                        v = Math.min(v, d[p + width + 1] + 1);
                    }
                    if (x > 0) {
                        v = Math.min(v, d[p + width - 1] + 1);
                    }
                }
                d[p] = v;
            }
        }
        return d;
    }

    private static float[][] blur(float[][] planes, int w, int h) {
        float[][] out = new float[planes.length][w * h];
        for (int c = 0; c < planes.length; c++) {
            float[] in = planes[c];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float s = 0;
                    int count = 0;
                    for (int dy = -1; dy <= 1; dy++) {
                        int yy = y + dy;
                        if (yy < 0 || yy >= h) {
                            continue;
                        }
                        for (int dx = -1; dx <= 1; dx++) {
                            int xx = x + dx;
                            if (xx >= 0 && xx < w) {
                                s += in[yy * w + xx];
                                count++;
                            }
                        }
                    }
                    out[c][y * w + x] = s / count;
                }
            }
        }
        return out;
    }
}
