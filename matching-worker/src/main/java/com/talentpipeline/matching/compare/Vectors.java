package com.talentpipeline.matching.compare;

import java.util.List;

/** Small dense-vector helpers over L2-normalised float rows. */
public final class Vectors {

    private Vectors() {
    }

    /** Dot product (the cosine of two unit vectors); four accumulators so the JIT can pipeline it. */
    public static float dot(float[] a, float[] b) {
        return dot(a, b, 0);
    }

    /** Dot product of {@code q} with the row of {@code q.length} floats starting at {@code offset} of {@code m}. */
    public static float dot(float[] q, float[] m, int offset) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
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

    /** The L2-normalised sum of the non-null vectors, or null when there are none. */
    public static float[] normalizedSum(List<float[]> vectors) {
        float[] sum = null;
        for (float[] v : vectors) {
            if (v == null) {
                continue;
            }
            if (sum == null) {
                sum = new float[v.length];
            }
            for (int i = 0; i < v.length; i++) {
                sum[i] += v[i];
            }
        }
        return sum == null ? null : normalize(sum);
    }

    /** Scales to unit length in place (a zero vector stays zero). */
    public static float[] normalize(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        if (n > 0) {
            float inv = (float) (1.0 / Math.sqrt(n));
            for (int i = 0; i < v.length; i++) {
                v[i] *= inv;
            }
        }
        return v;
    }

    /** Cosine of two unit vectors, 0 when either is missing. */
    public static double cosine(float[] a, float[] b) {
        return a == null || b == null ? 0 : dot(a, b);
    }
}
