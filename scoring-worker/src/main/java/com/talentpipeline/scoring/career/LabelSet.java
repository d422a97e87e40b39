package com.talentpipeline.scoring.career;

import java.util.List;

/**
 * Labels with their embedded prototypes: the label text's embedding for a zero-shot label, the mean of
 * its examples' embeddings (re-normalised) for a few-shot one.
 *
 * @param labels     the labels
 * @param prototypes one unit vector per label
 */
public record LabelSet(List<CareerLabel> labels, float[][] prototypes) {
}
