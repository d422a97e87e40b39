package com.talentpipeline.detection.backbone;

import com.talentpipeline.inference.vector.Vectors;

/**
 * A backbone's output for one image: one L2-normalised feature vector per patch of a
 * {@code rows x cols} grid laid over the whole image, and a global embedding.
 *
 * @param rows      patch rows
 * @param cols      patch columns
 * @param dim       feature dimension
 * @param features  row-major patches, {@code rows * cols * dim} values, each patch L2-normalised
 * @param embedding the image's global embedding (L2-normalised), for similarity
 */
public record PatchFeatures(int rows, int cols, int dim, float[] features, float[] embedding) {

    public PatchFeatures {
        if (features.length != rows * cols * dim) {
            throw new IllegalArgumentException("expected " + rows * cols * dim + " values, got " + features.length);
        }
    }

    /** Number of patches. */
    public int size() {
        return rows * cols;
    }

    /** The mean of the patch features, L2-normalised: the global embedding of backbones without one of their own. */
    public static float[] meanEmbedding(float[] features, int n, int dim) {
        float[] mean = new float[dim];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < dim; k++) {
                mean[k] += features[i * dim + k];
            }
        }
        return Vectors.normalised(mean);
    }
}
