package com.talentpipeline.scoring.career;

/** Small vector arithmetic on the encoder's unit vectors. */
public final class Vectors {

    private Vectors() {
    }

    /** Dot product; the cosine for unit vectors. */
    public static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** The vector scaled to unit length (a zero vector stays zero). */
    public static float[] normalised(float[] v) {
        double norm = Math.sqrt(dot(v, v));
        float[] out = new float[v.length];
        if (norm == 0) {
            return out;
        }
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }
}
