package com.talentpipeline.detection.maskcut;

import java.util.List;

/**
 * What MaskCut found in one image.
 *
 * @param width      image width in pixels
 * @param height     image height in pixels
 * @param detections the objects, in discovery order
 * @param gridRows   patch rows the cut ran on
 * @param gridCols   patch columns
 * @param featuresMillis time the backbone took
 * @param solverMillis   time in the eigen-solver (affinity included)
 * @param solverIterations Lanczos steps over all rounds
 */
public record DetectionResult(int width, int height, List<Detection> detections, int gridRows, int gridCols,
        double featuresMillis, double solverMillis, int solverIterations) {
}
