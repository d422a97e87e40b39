package com.talentpipeline.matching.cluster;

import java.util.Random;

/**
 * Lloyd's k-means with k-means++ seeding (each next centre drawn with probability proportional to the
 * squared distance to the nearest chosen one), squared Euclidean distance, seeded and so deterministic.
 * An emptied cluster is re-seeded with the point farthest from its centre.
 */
final class KMeans {

    private KMeans() {
    }

    /**
     * A clustering.
     *
     * @param assignments cluster of each point
     * @param centroids   k centres
     * @param inertia     sum of squared distances to the assigned centres
     * @param iterations  Lloyd iterations run
     */
    public record Result(int[] assignments, float[][] centroids, double inertia, int iterations) {
    }

    /** Clusters {@code points} (n rows of equal length) into {@code k} groups; requires 1 <= k <= n. */
    public static Result fit(float[][] points, int k, int maxIterations, long seed) {
        int n = points.length;
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must be within [1, " + n + "], was " + k);
        }
        Random random = new Random(seed);
        float[][] centroids = seed(points, k, random);
        int[] assign = new int[n];
        java.util.Arrays.fill(assign, -1);
        int iteration = 0;
        boolean changed = true;
        while (changed && iteration < maxIterations) {
            iteration++;
            changed = false;
            for (int i = 0; i < n; i++) {
                int best = nearest(points[i], centroids);
                if (best != assign[i]) {
                    assign[i] = best;
                    changed = true;
                }
            }
            recompute(points, assign, centroids);
        }
        double inertia = 0;
        for (int i = 0; i < n; i++) {
            inertia += distance2(points[i], centroids[assign[i]]);
        }
        return new Result(assign, centroids, inertia, iteration);
    }

    static float[][] seed(float[][] points, int k, Random random) {
        int n = points.length;
        float[][] centroids = new float[k][];
        centroids[0] = points[random.nextInt(n)].clone();
        double[] d2 = new double[n];
        for (int i = 0; i < n; i++) {
            d2[i] = distance2(points[i], centroids[0]);
        }
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (double d : d2) {
                total += d;
            }
            int chosen;
            if (total <= 0) {
                chosen = random.nextInt(n); // all points identical to chosen centres
            } else {
                double r = random.nextDouble() * total;
                chosen = n - 1;
                for (int i = 0; i < n; i++) {
                    r -= d2[i];
                    if (r <= 0) {
                        chosen = i;
                        break;
                    }
                }
            }
            centroids[c] = points[chosen].clone();
            for (int i = 0; i < n; i++) {
                d2[i] = Math.min(d2[i], distance2(points[i], centroids[c]));
            }
        }
        return centroids;
    }

    private static void recompute(float[][] points, int[] assign, float[][] centroids) {
        int k = centroids.length;
        int dim = points[0].length;
        double[][] sums = new double[k][dim];
        int[] counts = new int[k];
        for (int i = 0; i < points.length; i++) {
            counts[assign[i]]++;
            for (int d = 0; d < dim; d++) {
                sums[assign[i]][d] += points[i][d];
            }
        }
        for (int c = 0; c < k; c++) {
            if (counts[c] == 0) {
                int far = farthest(points, assign, centroids);
                centroids[c] = points[far].clone();
                assign[far] = c;
                continue;
            }
            for (int d = 0; d < dim; d++) {
                centroids[c][d] = (float) (sums[c][d] / counts[c]);
            }
        }
    }

    private static int farthest(float[][] points, int[] assign, float[][] centroids) {
        int far = 0;
        double best = -1;
        for (int i = 0; i < points.length; i++) {
            double d = distance2(points[i], centroids[assign[i]]);
            if (d > best) {
                best = d;
                far = i;
            }
        }
        return far;
    }

    /** Index of the nearest centre. */
    public static int nearest(float[] point, float[][] centroids) {
        int best = 0;
        double bestD = Double.MAX_VALUE;
        for (int c = 0; c < centroids.length; c++) {
            double d = distance2(point, centroids[c]);
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        return best;
    }

    /** Squared Euclidean distance. */
    public static double distance2(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s;
    }
}
