package com.talentpipeline.detection.maskcut;

/**
 * The normalized cut of a patch graph (Shi and Malik), as MaskCut builds it: affinity {@code A_ij = 1}
 * when the cosine of two patches' features exceeds {@code tau}, else {@code eps} (the graph stays
 * connected); the second-smallest generalized eigenvector of {@code (D - A) x = lambda D x}.
 *
 * <p>Solved as the symmetric problem: with {@code y = D^1/2 x}, it is the second-largest eigenvector of
 * {@code M = D^-1/2 A D^-1/2}, whose largest is known in closed form ({@code D^1/2 1}, eigenvalue 1), so
 * {@link Lanczos} finds the largest eigenpair of M deflated by it, and {@code x = D^-1/2 y}.
 */
final class NormalizedCut {

    /**
     * A solved cut.
     *
     * @param eigenvector the generalized eigenvector x, one value per node
     * @param eigenvalue  its generalized eigenvalue (1 - the Ritz value of M)
     * @param iterations  Lanczos steps used
     * @param affinity    the dense affinity matrix (row-major n x n), for the cut's value
     * @param degree      row sums of the affinity
     */
    public record Solution(double[] eigenvector, double eigenvalue, int iterations, float[] affinity,
            double[] degree) {

        /** The normalized cut value {@code cut/assoc(S) + cut/assoc(not S)} of a partition, in [0, 2]. */
        public double ncut(boolean[] inS) {
            int n = degree.length;
            double cut = 0;
            double volS = 0;
            double volT = 0;
            for (int i = 0; i < n; i++) {
                if (inS[i]) {
                    volS += degree[i];
                    int row = i * n;
                    for (int j = 0; j < n; j++) {
                        if (!inS[j]) {
                            cut += affinity[row + j];
                        }
                    }
                } else {
                    volT += degree[i];
                }
            }
            if (volS == 0 || volT == 0) {
                return 2;
            }
            return cut / volS + cut / volT;
        }
    }

    private final double tau;
    private final double eps;
    private final Lanczos lanczos;

    /**
     * @param tau       cosine threshold for an edge of weight 1
     * @param eps       weight of every other pair
     * @param lanczos   the eigen-solver
     */
    public NormalizedCut(double tau, double eps, Lanczos lanczos) {
        this.tau = tau;
        this.eps = eps;
        this.lanczos = lanczos;
    }

    /**
     * Solves the cut of the nodes whose features are the rows of {@code features} (n x dim, each row
     * L2-normalised, so the dot product is the cosine).
     */
    public Solution solve(float[] features, int n, int dim) {
        return solve(affinity(features, n, dim), n);
    }

    /** Solves the cut of a graph given its dense affinity matrix (row-major n x n, symmetric). */
    public Solution solve(float[] a, int n) {
        double[] degree = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            int row = i * n;
            for (int j = 0; j < n; j++) {
                s += a[row + j];
            }
            degree[i] = s;
        }
        double[] invSqrt = new double[n];
        double[] top = new double[n];
        double volume = 0;
        for (int i = 0; i < n; i++) {
            invSqrt[i] = 1 / Math.sqrt(degree[i]);
            volume += degree[i];
        }
        for (int i = 0; i < n; i++) {
            top[i] = Math.sqrt(degree[i] / volume);
        }
        SymmetricOperator m = new NormalizedAffinity(a, invSqrt);
        Lanczos.Eigenpair pair = lanczos.largest(m, new double[][] {top}, 42L);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = pair.vector()[i] * invSqrt[i];
        }
        return new Solution(x, 1 - pair.value(), pair.iterations(), a, degree);
    }

    /** The thresholded cosine affinity, symmetric, with 1 on the diagonal. */
    public float[] affinity(float[] f, int n, int dim) {
        return TorchAffinity.available() ? TorchAffinity.affinity(f, n, dim, tau, eps) : javaAffinity(f, n, dim);
    }

    /** The same affinity in plain Java (no engine). */
    float[] javaAffinity(float[] f, int n, int dim) {
        float[] a = new float[n * n];
        float low = (float) eps;
        // Rows in parallel: row i writes the pairs (i, j > i) and their mirrors, so no two rows share a cell.
        java.util.stream.IntStream.range(0, n).parallel().forEach(i -> {
            int fi = i * dim;
            a[i * n + i] = 1f;
            for (int j = i + 1; j < n; j++) {
                int fj = j * dim;
                float s0 = 0;
                float s1 = 0;
                int k = 0;
                for (; k + 1 < dim; k += 2) {
                    s0 += f[fi + k] * f[fj + k];
                    s1 += f[fi + k + 1] * f[fj + k + 1];
                }
                if (k < dim) {
                    s0 += f[fi + k] * f[fj + k];
                }
                float w = s0 + s1 > tau ? 1f : low;
                a[i * n + j] = w;
                a[j * n + i] = w;
            }
        });
        return a;
    }

    /** {@code y = D^-1/2 A D^-1/2 x} on the dense affinity. */
    private record NormalizedAffinity(float[] a, double[] invSqrt) implements SymmetricOperator {

        @Override
        public int size() {
            return invSqrt.length;
        }

        @Override
        public void apply(double[] x, double[] y) {
            int n = invSqrt.length;
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                z[i] = x[i] * invSqrt[i];
            }
            java.util.stream.IntStream.range(0, n).parallel().forEach(i -> {
                int row = i * n;
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                int j = 0;
                for (; j + 3 < n; j += 4) {
                    s0 += a[row + j] * z[j];
                    s1 += a[row + j + 1] * z[j + 1];
                    s2 += a[row + j + 2] * z[j + 2];
                    s3 += a[row + j + 3] * z[j + 3];
                }
                for (; j < n; j++) {
                    s0 += a[row + j] * z[j];
                }
                y[i] = (s0 + s1 + s2 + s3) * invSqrt[i];
            });
        }
    }
}
