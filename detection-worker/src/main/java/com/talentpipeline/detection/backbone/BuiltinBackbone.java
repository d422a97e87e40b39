package com.talentpipeline.detection.backbone;

import com.talentpipeline.inference.vector.Vectors;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * The training-free backbone used when no model file is configured ({@code builtin-color-texture-v1}):
 * per patch, CIE Lab colour (mean and spread), texture (magnitude-weighted gradient orientation
 * histogram, mean gradient, rotation-invariant uniform LBP histogram) and position, pooled over the
 * patch and its neighbours with a [1 2 1] kernel so texture has support. Each dimension is standardised
 * across the image's patches (so cosine similarities are signed and {@code tau} means what it means for
 * DINO features: "more alike than the image's average pair"), groups are weighted, rows L2-normalised.
 *
 * <p>It is not a learned representation: it separates regions that differ in colour or texture, which
 * is what object discovery on product-like images needs, and nothing semantic.
 */
public final class BuiltinBackbone implements Backbone {

    /** The name reported with every result. */
    public static final String NAME = "builtin-color-texture-v1";

    private static final int ORIENTATIONS = 8;
    private static final int LBP_BINS = 10;
    /** Per-cell sums: L, a, b, L^2, a^2, b^2, gradient magnitude, orientations, LBP codes. */
    private static final int CELL = 7 + ORIENTATIONS + LBP_BINS;
    private static final int COLOR = 6;
    private static final int TEXTURE = ORIENTATIONS + 1 + LBP_BINS;
    private static final int POSITION = 2;
    /** Descriptor dimension. */
    public static final int DIM = COLOR + TEXTURE + POSITION;
    /** Lab colour histogram bins per channel of the global embedding. */
    private static final int HIST = 4;

    private final int patchSize;
    private final int inputSize;
    private final double colorWeight;
    private final double textureWeight;
    private final double positionWeight;

    /**
     * @param patchSize      patch side in pixels after resizing
     * @param inputSize      the longer side images are resized to
     * @param colorWeight    weight of the colour group
     * @param textureWeight  weight of the texture group
     * @param positionWeight weight of the position group (spatial compactness of a cut)
     */
    public BuiltinBackbone(int patchSize, int inputSize, double colorWeight, double textureWeight,
            double positionWeight) {
        if (patchSize < 2 || inputSize < 2 * patchSize) {
            throw new IllegalArgumentException("patch size must be >= 2 and input size >= 2 patches");
        }
        this.patchSize = patchSize;
        this.inputSize = inputSize;
        this.colorWeight = colorWeight;
        this.textureWeight = textureWeight;
        this.positionWeight = positionWeight;
    }

    /** The defaults: 8 px patches at 480 px, colour 1.0, texture 0.8, position 0.5. */
    public static BuiltinBackbone defaults() {
        return new BuiltinBackbone(8, 480, 1.0, 0.8, 0.5);
    }

    @Override
    public BackboneInfo info() {
        return new BackboneInfo(NAME, "builtin", patchSize, inputSize, "java");
    }

    @Override
    public PatchFeatures extract(BufferedImage image) {
        double scale = (double) inputSize / Math.max(image.getWidth(), image.getHeight());
        int cols = Math.max(2, (int) Math.round(image.getWidth() * scale / patchSize));
        int rows = Math.max(2, (int) Math.round(image.getHeight() * scale / patchSize));
        int w = cols * patchSize;
        int h = rows * patchSize;
        float[][] lab = LabPlanes.of(resize(image, w, h));
        double[] weights = new double[rows * cols];
        double[] cells = cellSums(lab, w, h, rows, cols);
        double[] pooled = pool(cells, rows, cols, weights);
        int n = rows * cols;
        float[] raw = new float[n * DIM];
        double pixels = (double) patchSize * patchSize;
        for (int i = 0; i < n; i++) {
            int c = i * CELL;
            int d = i * DIM;
            double area = weights[i] * pixels;
            for (int k = 0; k < 3; k++) {
                double mean = pooled[c + k] / area;
                raw[d + k] = (float) mean;
                double var = Math.max(0, pooled[c + 3 + k] / area - mean * mean);
                raw[d + 3 + k] = (float) Math.sqrt(var);
            }
            double magnitude = pooled[c + 6];
            for (int k = 0; k < ORIENTATIONS; k++) {
                raw[d + COLOR + k] = (float) (magnitude > 1e-9 ? pooled[c + 7 + k] / magnitude : 1.0 / ORIENTATIONS);
            }
            raw[d + COLOR + ORIENTATIONS] = (float) (magnitude / area);
            for (int k = 0; k < LBP_BINS; k++) {
                raw[d + COLOR + ORIENTATIONS + 1 + k] = (float) (pooled[c + 7 + ORIENTATIONS + k] / area);
            }
            raw[d + COLOR + TEXTURE] = (float) ((i % cols + 0.5) / cols - 0.5);
            raw[d + COLOR + TEXTURE + 1] = (float) ((i / cols + 0.5) / rows - 0.5);
        }
        return new PatchFeatures(rows, cols, DIM, standardise(raw, n), globalEmbedding(lab, raw, n));
    }

    /** Minimum spread per dimension, in its own unit, so a flat image's noise is not blown up. */
    private static final double[] FLOORS = floors();

    private static double[] floors() {
        double[] f = new double[DIM];
        for (int k = 0; k < DIM; k++) {
            if (k < 3) {
                f[k] = 4; // Lab units
            } else if (k < COLOR) {
                f[k] = 2;
            } else if (k < COLOR + ORIENTATIONS) {
                f[k] = 0.03;
            } else if (k == COLOR + ORIENTATIONS) {
                f[k] = 1;
            } else if (k < COLOR + TEXTURE) {
                f[k] = 0.03;
            } else {
                f[k] = 0.05;
            }
        }
        return f;
    }

    /** Z-scores each dimension over the image's patches, weights the groups, L2-normalises each patch. */
    private float[] standardise(float[] raw, int n) {
        double[] mean = new double[DIM];
        double[] sq = new double[DIM];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < DIM; k++) {
                double v = raw[i * DIM + k];
                mean[k] += v;
                sq[k] += v * v;
            }
        }
        double[] scale = new double[DIM];
        for (int k = 0; k < DIM; k++) {
            mean[k] /= n;
            double std = Math.sqrt(Math.max(0, sq[k] / n - mean[k] * mean[k]));
            double group = k < COLOR ? colorWeight / Math.sqrt(COLOR)
                    : k < COLOR + TEXTURE ? textureWeight / Math.sqrt(TEXTURE)
                    : positionWeight / Math.sqrt(POSITION);
            scale[k] = group / Math.max(std, FLOORS[k]);
        }
        float[] out = new float[raw.length];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < DIM; k++) {
                out[i * DIM + k] = (float) ((raw[i * DIM + k] - mean[k]) * scale[k]);
            }
        }
        Vectors.normaliseRows(out, n, DIM);
        return out;
    }

    /**
     * The global embedding for similarity: a 4x4x4 Lab colour histogram, the image's gradient
     * orientation and LBP histograms, each block L2-normalised (colour weighted twice as much).
     */
    private static float[] globalEmbedding(float[][] lab, float[] raw, int n) {
        int colorBins = HIST * HIST * HIST;
        float[] color = new float[colorBins];
        int pixels = lab[0].length;
        for (int p = 0; p < pixels; p++) {
            int bl = bin(lab[0][p], 0, 100);
            int ba = bin(lab[1][p], -100, 100);
            int bb = bin(lab[2][p], -100, 100);
            color[(bl * HIST + ba) * HIST + bb]++;
        }
        float[] texture = new float[ORIENTATIONS + LBP_BINS];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < ORIENTATIONS; k++) {
                texture[k] += raw[i * DIM + COLOR + k];
            }
            for (int k = 0; k < LBP_BINS; k++) {
                texture[ORIENTATIONS + k] += raw[i * DIM + COLOR + ORIENTATIONS + 1 + k];
            }
        }
        float[] c = Vectors.normalised(color);
        float[] t = Vectors.normalised(texture);
        float[] out = new float[colorBins + texture.length];
        for (int k = 0; k < colorBins; k++) {
            out[k] = 2 * c[k];
        }
        System.arraycopy(t, 0, out, colorBins, t.length);
        return Vectors.normalised(out);
    }

    private static int bin(float v, float min, float max) {
        int b = (int) ((v - min) / (max - min) * HIST);
        return Math.max(0, Math.min(HIST - 1, b));
    }

    private static BufferedImage resize(BufferedImage image, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private double[] cellSums(float[][] lab, int w, int h, int rows, int cols) {
        float[] l = lab[0];
        double[] cells = new double[rows * cols * CELL];
        for (int y = 0; y < h; y++) {
            int cellRow = y / patchSize;
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                int c = (cellRow * cols + x / patchSize) * CELL;
                for (int k = 0; k < 3; k++) {
                    double v = lab[k][p];
                    cells[c + k] += v;
                    cells[c + 3 + k] += v * v;
                }
                if (x == 0 || y == 0 || x == w - 1 || y == h - 1) {
                    continue;
                }
                // Sobel on L.
                double gx = (l[p - w + 1] + 2 * l[p + 1] + l[p + w + 1]) - (l[p - w - 1] + 2 * l[p - 1] + l[p + w - 1]);
                double gy = (l[p + w - 1] + 2 * l[p + w] + l[p + w + 1]) - (l[p - w - 1] + 2 * l[p - w] + l[p - w + 1]);
                double magnitude = Math.sqrt(gx * gx + gy * gy) / 8;
                double angle = Math.atan2(gy, gx);
                if (angle < 0) {
                    angle += Math.PI;
                }
                int bin = Math.min(ORIENTATIONS - 1, (int) (angle / Math.PI * ORIENTATIONS));
                cells[c + 6] += magnitude;
                cells[c + 7 + bin] += magnitude;
                cells[c + 7 + ORIENTATIONS + lbp(l, p, w)] += 1;
            }
        }
        return cells;
    }

    /** Rotation-invariant uniform LBP (riu2) of pixel p: 0-8 ones for uniform patterns, 9 otherwise. */
    private static int lbp(float[] l, int p, int w) {
        // A one-unit tolerance keeps flat regions from flickering between codes on rounding noise.
        float centre = l[p] + 1f;
        int[] offsets = {-w - 1, -w, -w + 1, 1, w + 1, w, w - 1, -1};
        int ones = 0;
        int transitions = 0;
        boolean first = l[p + offsets[0]] >= centre;
        boolean previous = first;
        for (int k = 0; k < 8; k++) {
            boolean bit = l[p + offsets[k]] >= centre;
            if (bit) {
                ones++;
            }
            if (k > 0 && bit != previous) {
                transitions++;
            }
            previous = bit;
        }
        if (previous != first) {
            transitions++;
        }
        return transitions <= 2 ? ones : 9;
    }

    /** [1 2 1] x [1 2 1] pooling of the cell sums over each cell's neighbourhood. */
    private static double[] pool(double[] cells, int rows, int cols, double[] weights) {
        double[] out = new double[cells.length];
        int[] kernel = {1, 2, 1};
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int target = (r * cols + c) * CELL;
                double weight = 0;
                for (int dr = -1; dr <= 1; dr++) {
                    int rr = r + dr;
                    if (rr < 0 || rr >= rows) {
                        continue;
                    }
                    for (int dc = -1; dc <= 1; dc++) {
                        int cc = c + dc;
                        if (cc < 0 || cc >= cols) {
                            continue;
                        }
                        double k = kernel[dr + 1] * kernel[dc + 1];
                        weight += k;
                        int source = (rr * cols + cc) * CELL;
                        for (int j = 0; j < CELL; j++) {
                            out[target + j] += k * cells[source + j];
                        }
                    }
                }
                weights[r * cols + c] = weight;
            }
        }
        return out;
    }
}
