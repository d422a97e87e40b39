package com.talentpipeline.inference.vector;

import java.util.List;

/**
 * Dense float-vector arithmetic on model embeddings, shared by every worker: dot products (unrolled,
 * for the matching worker's index scans), cosine, unit-length scaling and pooling. Sums accumulate in
 * double where the result is stored (pooled section vectors), so pooling is order-insensitive to the
 * last float bit.
 */
public final class Vectors {

    private Vectors() {
    }

    /** Dot product (the cosine of two unit vectors). */
    public static float dot(float[] a, float[] b) {
        return dot(a, b, 0);
    }

    /**
     * Dot product of {@code q} with the row of {@code q.length} floats starting at {@code offset} of
     * {@code m}; four accumulators so the JIT can pipeline the loop.
     */
    public static float dot(float[] q, float[] m, int offset) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int n = q.length;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += q[i] * m[offset + i];
            s1 += q[i + 1] * m[offset + i + 1];
            s2 += q[i + 2] * m[offset + i + 2];
            s3 += q[i + 3] * m[offset + i + 3];
        }
        for (; i < n; i++) {
            s0 += q[i] * m[offset + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Cosine similarity; 0 when either vector is missing or zero. */
    public static double cosine(float[] a, float[] b) {
        if (a == null || b == null) {
            return 0;
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    /** A copy scaled to unit length (a zero vector stays zero). */
    public static float[] normalised(float[] v) {
        return normaliseInPlace(v.clone());
    }

    /** Scales {@code v} to unit length in place and returns it (a zero vector stays zero). */
    public static float[] normaliseInPlace(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        if (n > 0) {
            double norm = Math.sqrt(n);
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (v[i] / norm);
            }
        }
        return v;
    }

    /** Scales each {@code dim}-long row of {@code data} ({@code n} rows) to unit length in place. */
    public static void normaliseRows(float[] data, int n, int dim) {
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < dim; k++) {
                s += data[i * dim + k] * data[i * dim + k];
            }
            if (s > 0) {
                double norm = Math.sqrt(s);
                for (int k = 0; k < dim; k++) {
                    data[i * dim + k] = (float) (data[i * dim + k] / norm);
                }
            }
        }
    }

    /**
     * The L2-normalised mean of the non-null vectors (the direction of their sum; a zero sum stays
     * zero), or null when there are none.
     */
    public static float[] normalisedMean(List<float[]> vectors) {
        double[] sum = null;
        for (float[] v : vectors) {
            if (v == null) {
                continue;
            }
            if (sum == null) {
                sum = new double[v.length];
            }
            for (int i = 0; i < v.length; i++) {
                sum[i] += v[i];
            }
        }
        if (sum == null) {
            return null;
        }
        double norm = 0;
        for (double x : sum) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float[] mean = new float[sum.length];
        for (int i = 0; i < sum.length; i++) {
            mean[i] = norm == 0 ? 0f : (float) (sum[i] / norm);
        }
        return mean;
    }
}
