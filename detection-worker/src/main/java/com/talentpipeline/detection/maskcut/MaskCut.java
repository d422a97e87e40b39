package com.talentpipeline.detection.maskcut;

import com.talentpipeline.detection.backbone.PatchFeatures;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * MaskCut (Wang et al., "Cut and Learn", CVPR 2023) on a backbone's patch features, for up to N objects:
 * <ol>
 * <li>the normalized cut of the patches still in play ({@link NormalizedCut});</li>
 * <li>bipartition at the eigenvector's mean; the foreground is the side holding the eigenvector's
 *     extreme (largest |value|), flipped when it holds 3 or more of the image's 4 corner patches;</li>
 * <li>the foreground is the 4-connected component of that side holding the seed (as CutLER's code does),
 *     so two separate objects are two rounds, not one mask;</li>
 * <li>its patches leave the graph for the next round (CutLER zeroes their features; removing them is the
 *     same cut on the rest, and cheaper);</li>
 * <li>the patch mask is upsampled bilinearly to pixels and thresholded at 0.5; a mask covering at most
 *     {@code minAreaFraction} of the image or with IoU above {@code maxIou} to the previous one is dropped.</li>
 * </ol>
 */
public final class MaskCut {

    /**
     * Settings.
     *
     * @param tau             cosine threshold of an edge
     * @param eps             weight of a non-edge
     * @param maxObjects      rounds (objects at most)
     * @param minAreaFraction masks covering at most this share of the image are dropped
     * @param maxIou          masks with a higher IoU to the previous mask are dropped
     * @param maxIterations   Lanczos steps per round at most
     * @param tolerance       Lanczos residual tolerance
     */
    public record Settings(double tau, double eps, int maxObjects, double minAreaFraction, double maxIou,
            int maxIterations, double tolerance) {

        /** The paper's values: tau 0.15, eps 1e-5, 3 objects, 1 % area, IoU 0.5. */
        public static Settings defaults() {
            return new Settings(0.15, 1e-5, 3, 0.01, 0.5, 300, 1e-4);
        }
    }

    private final Settings settings;
    private final NormalizedCut cut;

    public MaskCut(Settings settings) {
        this.settings = settings;
        this.cut = new NormalizedCut(settings.tau(), settings.eps(),
                new Lanczos(settings.maxIterations(), settings.tolerance()));
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Loads the affinity engine and runs one small cut, so the first image does not pay for native
     * library loading and JIT compilation (called at start-up, before readiness).
     */
    public void warmUp() {
        int n = 64;
        int dim = 8;
        float[] features = new float[n * dim];
        for (int i = 0; i < n; i++) {
            features[i * dim + (i < n / 2 ? 0 : 1)] = 1f;
        }
        cut.solve(features, n, dim);
    }

    /** Discovers objects in an image of {@code width x height} pixels from its patch features. */
    public DetectionResult discover(PatchFeatures features, int width, int height) {
        return discover(features, width, height, null);
    }

    /**
     * Discovers objects, refining each mask's boundary on the image's colours when {@code refiner} is
     * given (see {@link BoundaryRefiner}).
     */
    public DetectionResult discover(PatchFeatures features, int width, int height, BoundaryRefiner refiner) {
        int rows = features.rows();
        int cols = features.cols();
        int n = features.size();
        int dim = features.dim();
        boolean[] active = new boolean[n];
        java.util.Arrays.fill(active, true);
        List<Detection> detections = new ArrayList<>();
        PixelMask previous = null;
        long solverNanos = 0;
        int iterations = 0;
        double minArea = settings.minAreaFraction() * width * height;
        // The affinity of the patches left in a round is a sub-matrix of the first round's: built once.
        long a0 = System.nanoTime();
        float[] full = cut.affinity(features.features(), n, dim);
        solverNanos += System.nanoTime() - a0;
        for (int round = 0; round < settings.maxObjects(); round++) {
            int[] index = indices(active);
            int m = index.length;
            if (m < 4) {
                break;
            }
            long t0 = System.nanoTime();
            float[] sub = m == n ? full : new float[m * m];
            if (m != n) {
                for (int i = 0; i < m; i++) {
                    int row = index[i] * n;
                    for (int j = 0; j < m; j++) {
                        sub[i * m + j] = full[row + index[j]];
                    }
                }
            }
            NormalizedCut.Solution solution = cut.solve(sub, m);
            solverNanos += System.nanoTime() - t0;
            iterations += solution.iterations();
            boolean[] side = bipartition(solution.eigenvector(), index, rows, cols);
            if (side == null) {
                break;
            }
            int seed = seed(solution.eigenvector(), side);
            boolean[] grid = new boolean[n];
            for (int i = 0; i < m; i++) {
                grid[index[i]] = side[i];
            }
            boolean[] object = component(grid, index[seed], rows, cols);
            boolean[] inS = new boolean[m];
            int patches = 0;
            for (int i = 0; i < m; i++) {
                inS[i] = object[index[i]];
                if (inS[i]) {
                    active[index[i]] = false;
                    patches++;
                }
            }
            double score = Math.max(0, Math.min(1, 1 - solution.ncut(inS) / 2));
            PixelMask mask = refiner == null ? upsample(object, rows, cols, width, height)
                    : refiner.refine(upsample(object, rows, cols, width, height), Math.max(1, width / cols));
            long area = mask.area();
            boolean small = area <= minArea;
            boolean repeated = previous != null && mask.iou(previous) > settings.maxIou();
            if (!small && !repeated) {
                detections.add(new Detection(mask, mask.bbox(), area, score, patches));
                previous = mask;
            }
        }
        return new DetectionResult(width, height, detections, rows, cols, 0, solverNanos / 1e6, iterations);
    }

    private static int[] indices(boolean[] active) {
        int count = 0;
        for (boolean a : active) {
            if (a) {
                count++;
            }
        }
        int[] index = new int[count];
        int k = 0;
        for (int i = 0; i < active.length; i++) {
            if (active[i]) {
                index[k++] = i;
            }
        }
        return index;
    }

    /**
     * The foreground side of the cut at the eigenvector's mean, or null when the eigenvector does not
     * split the nodes (a graph with nothing to separate).
     */
    static boolean[] bipartition(double[] x, int[] index, int rows, int cols) {
        int m = x.length;
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= m;
        boolean[] side = new boolean[m];
        int above = 0;
        int extreme = 0;
        for (int i = 0; i < m; i++) {
            side[i] = x[i] > mean;
            if (side[i]) {
                above++;
            }
            if (Math.abs(x[i]) > Math.abs(x[extreme])) {
                extreme = i;
            }
        }
        if (above == 0 || above == m) {
            return null;
        }
        boolean flip = !side[extreme];
        int[] corners = {0, cols - 1, (rows - 1) * cols, rows * cols - 1};
        int inForeground = 0;
        for (int i = 0; i < m; i++) {
            for (int corner : corners) {
                if (index[i] == corner && side[i] != flip) {
                    inForeground++;
                }
            }
        }
        if (inForeground >= 3) {
            flip = !flip;
        }
        if (flip) {
            for (int i = 0; i < m; i++) {
                side[i] = !side[i];
            }
        }
        return side;
    }

    /** The foreground node with the largest |x|: the seed of the object's component. */
    private static int seed(double[] x, boolean[] side) {
        int best = -1;
        for (int i = 0; i < x.length; i++) {
            if (side[i] && (best < 0 || Math.abs(x[i]) > Math.abs(x[best]))) {
                best = i;
            }
        }
        return best;
    }

    /** The 4-connected component of {@code grid} holding {@code start}. */
    static boolean[] component(boolean[] grid, int start, int rows, int cols) {
        boolean[] out = new boolean[grid.length];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        out[start] = true;
        queue.add(start);
        while (!queue.isEmpty()) {
            int p = queue.poll();
            int r = p / cols;
            int c = p % cols;
            int[] next = {r > 0 ? p - cols : -1, r < rows - 1 ? p + cols : -1, c > 0 ? p - 1 : -1,
                c < cols - 1 ? p + 1 : -1};
            for (int q : next) {
                if (q >= 0 && grid[q] && !out[q]) {
                    out[q] = true;
                    queue.add(q);
                }
            }
        }
        return out;
    }

    /** Bilinear upsampling of the 0/1 patch mask to pixels, thresholded at 0.5. */
    static PixelMask upsample(boolean[] patches, int rows, int cols, int width, int height) {
        boolean[] pixels = new boolean[width * height];
        double sx = (double) cols / width;
        double sy = (double) rows / height;
        for (int y = 0; y < height; y++) {
            double gy = Math.max(0, Math.min(rows - 1, (y + 0.5) * sy - 0.5));
            int y0 = (int) gy;
            int y1 = Math.min(rows - 1, y0 + 1);
            double fy = gy - y0;
            for (int x = 0; x < width; x++) {
                double gx = Math.max(0, Math.min(cols - 1, (x + 0.5) * sx - 0.5));
                int x0 = (int) gx;
                int x1 = Math.min(cols - 1, x0 + 1);
                double fx = gx - x0;
                double v = (1 - fy) * ((1 - fx) * value(patches, y0, x0, cols) + fx * value(patches, y0, x1, cols))
                        + fy * ((1 - fx) * value(patches, y1, x0, cols) + fx * value(patches, y1, x1, cols));
                pixels[y * width + x] = v >= 0.5;
            }
        }
        return new PixelMask(width, height, pixels);
    }

    private static double value(boolean[] patches, int r, int c, int cols) {
        return patches[r * cols + c] ? 1 : 0;
    }
}
