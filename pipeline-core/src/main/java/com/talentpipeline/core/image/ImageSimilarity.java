package com.talentpipeline.core.image;

/**
 * The detection worker's answer of {@code POST /v1/images/compare} (keys as the endpoint has always answered).
 *
 * @param similarity       cosine of the two images' global embeddings, 4 decimals
 * @param metric           how it was computed
 * @param backbone         the backbone's name
 * @param processingMillis decode and embedding time
 */
public record ImageSimilarity(double similarity, String metric, String backbone, double processingMillis) {
}
