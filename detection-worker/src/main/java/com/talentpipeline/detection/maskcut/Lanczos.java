package com.talentpipeline.detection.maskcut;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Lanczos iteration with full re-orthogonalisation for the largest eigenpair of a symmetric operator
 * restricted to the orthogonal complement of known eigenvectors (deflation). The normalized cut needs
 * exactly that: the top eigenvector of {@code D^-1/2 A D^-1/2} is known ({@code D^1/2 1}), and the second
 * one gives the second-smallest generalized eigenvector of {@code (D - A) x = lambda D x}.
 *
 * <p>Full re-orthogonalisation costs O(m n) per step, negligible next to the O(n^2) product for the
 * few dozen steps a normalized cut needs; it keeps the Ritz vectors clean without selective schemes.
 */
final class Lanczos {

    /**
     * The result.
     *
     * @param value      the eigenvalue (Ritz value)
     * @param vector     the unit eigenvector (Ritz vector)
     * @param iterations operator applications used
     * @param residual   {@code ||M v - value v||}
     */
    public record Eigenpair(double value, double[] vector, int iterations, double residual) {
    }

    private final int maxIterations;
    private final double tolerance;

    /**
     * @param maxIterations most operator applications
     * @param tolerance     stop when the residual norm is below this
     */
    public Lanczos(int maxIterations, double tolerance) {
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
    }

    /**
     * The largest eigenpair of {@code op} orthogonal to the unit vectors {@code deflate}.
     *
     * @param seed seed of the start vector, so results are reproducible
     */
    public Eigenpair largest(SymmetricOperator op, double[][] deflate, long seed) {
        int n = op.size();
        int limit = Math.min(maxIterations, Math.max(1, n - deflate.length));
        List<double[]> q = new ArrayList<>();
        double[] alpha = new double[limit];
        double[] beta = new double[limit];
        double[] v = new double[n];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            v[i] = random.nextDouble() - 0.5;
        }
        orthogonalise(v, deflate, List.of());
        if (!normalise(v)) {
            return new Eigenpair(0, v, 0, 0);
        }
        double[] w = new double[n];
        double[] ritz = null;
        double theta = 0;
        double residual = Double.MAX_VALUE;
        int m = 0;
        while (m < limit) {
            q.add(v);
            op.apply(v, w);
            double a = dot(w, v);
            alpha[m] = a;
            for (int i = 0; i < n; i++) {
                w[i] -= a * v[i];
            }
            if (m > 0) {
                double[] prev = q.get(m - 1);
                for (int i = 0; i < n; i++) {
                    w[i] -= beta[m - 1] * prev[i];
                }
            }
            orthogonalise(w, deflate, q);
            double b = Math.sqrt(dot(w, w));
            m++;
            boolean exhausted = b < 1e-12 || m == limit;
            if (m >= 2 && (m % 4 == 0 || exhausted)) {
                double[][] eig = Jacobi.largest(alpha, beta, m);
                theta = eig[0][0];
                ritz = eig[1];
                residual = Math.abs(b * ritz[m - 1]);
                if (residual < tolerance || exhausted) {
                    break;
                }
            } else if (m == 1 && exhausted) {
                theta = a;
                ritz = new double[] {1};
                residual = 0;
                break;
            }
            beta[m - 1] = b;
            double[] next = new double[n];
            for (int i = 0; i < n; i++) {
                next[i] = w[i] / b;
            }
            v = next;
        }
        double[] vector = new double[n];
        for (int j = 0; j < ritz.length; j++) {
            double[] qj = q.get(j);
            double s = ritz[j];
            for (int i = 0; i < n; i++) {
                vector[i] += s * qj[i];
            }
        }
        normalise(vector);
        return new Eigenpair(theta, vector, m, residual);
    }

    private static void orthogonalise(double[] w, double[][] deflate, List<double[]> basis) {
        // Twice is enough (Kahan): one pass loses orthogonality when w is nearly in the span.
        for (int pass = 0; pass < 2; pass++) {
            for (double[] u : deflate) {
                subtractProjection(w, u);
            }
            for (double[] u : basis) {
                subtractProjection(w, u);
            }
        }
    }

    private static void subtractProjection(double[] w, double[] u) {
        double p = dot(w, u);
        for (int i = 0; i < w.length; i++) {
            w[i] -= p * u[i];
        }
    }

    static double dot(double[] a, double[] b) {
        double s0 = 0;
        double s1 = 0;
        int i = 0;
        for (; i + 1 < a.length; i += 2) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
        }
        if (i < a.length) {
            s0 += a[i] * b[i];
        }
        return s0 + s1;
    }

    private static boolean normalise(double[] v) {
        double norm = Math.sqrt(dot(v, v));
        if (norm < 1e-300) {
            return false;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= norm;
        }
        return true;
    }
}
