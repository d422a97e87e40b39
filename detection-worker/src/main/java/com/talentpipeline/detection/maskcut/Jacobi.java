package com.talentpipeline.detection.maskcut;

/**
 * Cyclic Jacobi eigen-decomposition of the small tridiagonal matrix Lanczos builds (at most a few
 * hundred rows): simple, unconditionally stable, and fast enough at that size.
 */
final class Jacobi {

    private Jacobi() {
    }

    /**
     * The largest eigenvalue and its unit eigenvector of the symmetric tridiagonal matrix with
     * diagonal {@code alpha[0..m)} and off-diagonal {@code beta[0..m-1)}.
     *
     * @return {@code {{value}, vector}}
     */
    static double[][] largest(double[] alpha, double[] beta, int m) {
        double[][] a = new double[m][m];
        double[][] v = new double[m][m];
        for (int i = 0; i < m; i++) {
            a[i][i] = alpha[i];
            v[i][i] = 1;
            if (i + 1 < m) {
                a[i][i + 1] = beta[i];
                a[i + 1][i] = beta[i];
            }
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < m; p++) {
                for (int r = p + 1; r < m; r++) {
                    off += a[p][r] * a[p][r];
                }
            }
            if (off < 1e-22) {
                break;
            }
            for (int p = 0; p < m; p++) {
                for (int r = p + 1; r < m; r++) {
                    if (Math.abs(a[p][r]) < 1e-300) {
                        continue;
                    }
                    double theta = (a[r][r] - a[p][p]) / (2 * a[p][r]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    rotate(a, v, p, r, c, s, m);
                }
            }
        }
        int best = 0;
        for (int i = 1; i < m; i++) {
            if (a[i][i] > a[best][best]) {
                best = i;
            }
        }
        double[] vector = new double[m];
        for (int i = 0; i < m; i++) {
            vector[i] = v[i][best];
        }
        return new double[][] {{a[best][best]}, vector};
    }

    private static void rotate(double[][] a, double[][] v, int p, int r, double c, double s, int m) {
        for (int k = 0; k < m; k++) {
            double akp = a[k][p];
            double akr = a[k][r];
            a[k][p] = c * akp - s * akr;
            a[k][r] = s * akp + c * akr;
        }
        for (int k = 0; k < m; k++) {
            double apk = a[p][k];
            double ark = a[r][k];
            a[p][k] = c * apk - s * ark;
            a[r][k] = s * apk + c * ark;
        }
        for (int k = 0; k < m; k++) {
            double vkp = v[k][p];
            double vkr = v[k][r];
            v[k][p] = c * vkp - s * vkr;
            v[k][r] = s * vkp + c * vkr;
        }
    }
}
