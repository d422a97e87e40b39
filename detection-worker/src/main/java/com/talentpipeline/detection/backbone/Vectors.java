package com.talentpipeline.detection.backbone;

/** Small vector helpers shared by the backbones. */
public final class Vectors {

    private Vectors() {
    }

    /** A copy scaled to unit length (a zero vector stays zero). */
    public static float[] normalised(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        float[] out = v.clone();
        if (n > 0) {
            float inv = (float) (1 / Math.sqrt(n));
            for (int i = 0; i < out.length; i++) {
                out[i] *= inv;
            }
        }
        return out;
    }

    /** Scales {@code dim}-long rows of {@code data} to unit length in place. */
    public static void normaliseRows(float[] data, int n, int dim) {
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < dim; k++) {
                s += data[i * dim + k] * data[i * dim + k];
            }
            if (s > 0) {
                float inv = (float) (1 / Math.sqrt(s));
                for (int k = 0; k < dim; k++) {
                    data[i * dim + k] *= inv;
                }
            }
        }
    }

    /** Cosine of two vectors. */
    public static double cosine(float[] a, float[] b) {
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
}
