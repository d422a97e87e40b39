package com.talentpipeline.core.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The detection worker's result for one image: the objects MaskCut discovered with everything needed to read
 * them (backbone, method, timings). It is the answer of {@code POST /v1/images:detect} (no {@code imageId},
 * no {@code fileName}: nothing is stored) and the stored {@code image.detection} task result that
 * {@code GET /v1/images/{id}/detections} serves (with both; the overlay PNG the task event also carries is
 * served apart, never in this document).
 *
 * @param imageId    the uploaded image, null for a synchronous detection
 * @param width      image width in pixels
 * @param height     image height in pixels
 * @param backbone   what produced the features
 * @param method     the discovery method and its settings
 * @param detections the objects, in discovery order
 * @param timings    where the time went
 * @param fileName   the uploaded file's name (it names the image in the COCO export); absent for a synchronous
 *                   detection
 */
public record ImageDetections(String imageId, int width, int height, DetectionBackbone backbone,
        DetectionMethod method, List<DetectedObject> detections, DetectionTimings timings,
        @JsonInclude(JsonInclude.Include.NON_NULL) String fileName) {

    /** The same detections naming the uploaded file. */
    public ImageDetections withFileName(String name) {
        return new ImageDetections(imageId, width, height, backbone, method, detections, timings, name);
    }

    /**
     * The backbone that produced the patch features.
     *
     * @param name      e.g. {@code builtin-color-texture-v1} or {@code dino-vits8}
     * @param kind      {@code builtin} (training-free descriptors) or {@code model} (a learned ViT)
     * @param patchSize patch side in pixels of the backbone's input
     * @param inputSize the longer image side the backbone resizes to
     * @param engine    DJL engine of a model, {@code java} for the built-in backbone
     */
    public record DetectionBackbone(String name, String kind, int patchSize, int inputSize, String engine) {
    }

    /**
     * The discovery method.
     *
     * @param name       {@code maskcut}
     * @param tau        cosine threshold of an affinity edge
     * @param maxObjects rounds (objects at most)
     * @param grid       patch rows and columns the cut ran on
     */
    public record DetectionMethod(String name, double tau, int maxObjects, List<Integer> grid) {
    }

    /**
     * One discovered object, COCO-style.
     *
     * @param bbox         {@code [x, y, w, h]} around the mask
     * @param area         mask pixels
     * @param score        {@code 1 - Ncut/2} of the cut that produced it, in [0, 1], 4 decimals
     * @param segmentation the mask, run-length encoded
     */
    public record DetectedObject(List<Integer> bbox, long area, double score, RleSegmentation segmentation) {
    }

    /**
     * An uncompressed COCO RLE mask.
     *
     * @param size   {@code [height, width]}
     * @param counts run lengths in column-major order, starting with background
     */
    public record RleSegmentation(List<Integer> size, List<Long> counts) {
    }

    /**
     * Where the time went, in milliseconds (one decimal).
     *
     * @param decodeMillis     decoding the file
     * @param featuresMillis   the backbone
     * @param solverMillis     the eigen-solver (affinity included)
     * @param solverIterations Lanczos steps over all rounds
     * @param totalMillis      decode + features + cut + refinement
     */
    public record DetectionTimings(double decodeMillis, double featuresMillis, double solverMillis, int solverIterations,
            double totalMillis) {
    }
}
