package com.talentpipeline.detection.maskcut;

/**
 * One discovered object.
 *
 * @param mask  its pixels
 * @param bbox  {@code [x, y, w, h]} around the mask
 * @param area  mask pixels
 * @param score {@code 1 - Ncut/2} of the cut that produced it, in [0, 1]: 1 when the object and the
 *              rest share no affinity, lower as the cut grows (see {@link NormalizedCut.Solution#ncut})
 * @param patches patches of the grid in the object
 */
public record Detection(PixelMask mask, int[] bbox, long area, double score, int patches) {
}
