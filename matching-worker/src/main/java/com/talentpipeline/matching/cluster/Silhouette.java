package com.talentpipeline.matching.cluster;

/**
 * The mean silhouette coefficient (Rousseeuw 1987) with Euclidean distance: for each point,
 * {@code (b - a) / max(a, b)} where {@code a} is its mean distance to its own cluster and {@code b} the
 * smallest mean distance to another cluster; 0 for a point alone in its cluster. Exact, O(n^2): callers
 * pass a sample for large sets.
 */
final class Silhouette {

    private Silhouette() {
    }

    /** Per-point silhouettes. */
    public static double[] values(float[][] points, int[] assignments, int k) {
        int n = points.length;
        int[] sizes = new int[k];
        for (int a : assignments) {
            sizes[a]++;
        }
        double[] out = new double[n];
        double[] sums = new double[k];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(sums, 0);
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    sums[assignments[j]] += Math.sqrt(KMeans.distance2(points[i], points[j]));
                }
            }
            int own = assignments[i];
            if (sizes[own] <= 1) {
                out[i] = 0;
                continue;
            }
            double a = sums[own] / (sizes[own] - 1);
            double b = Double.MAX_VALUE;
            for (int c = 0; c < k; c++) {
                if (c != own && sizes[c] > 0) {
                    b = Math.min(b, sums[c] / sizes[c]);
                }
            }
            out[i] = b == Double.MAX_VALUE ? 0 : (b - a) / Math.max(a, b);
        }
        return out;
    }

    /** The mean silhouette. */
    public static double mean(float[][] points, int[] assignments, int k) {
        double[] v = values(points, assignments, k);
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? 0 : s / v.length;
    }
}
