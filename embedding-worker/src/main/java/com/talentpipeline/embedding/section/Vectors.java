package com.talentpipeline.embedding.section;

import java.util.List;

/** Pooling of item vectors into one section vector. */
public final class Vectors {

    private Vectors() {
    }

    /** The L2-normalised mean of the vectors (a zero mean stays zero). */
    public static float[] normalisedMean(List<float[]> vectors) {
        int dimension = vectors.get(0).length;
        double[] sum = new double[dimension];
        for (float[] v : vectors) {
            for (int i = 0; i < dimension; i++) {
                sum[i] += v[i];
            }
        }
        double norm = 0;
        for (double x : sum) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float[] mean = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            mean[i] = norm == 0 ? 0f : (float) (sum[i] / norm);
        }
        return mean;
    }

    /** Cosine similarity of two vectors. */
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
