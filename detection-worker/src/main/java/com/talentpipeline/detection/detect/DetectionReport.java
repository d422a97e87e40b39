package com.talentpipeline.detection.detect;

import com.talentpipeline.core.image.ImageDetections;
import com.talentpipeline.detection.backbone.BackboneInfo;
import com.talentpipeline.detection.maskcut.Detection;
import com.talentpipeline.detection.maskcut.DetectionResult;
import com.talentpipeline.detection.maskcut.MaskCut;
import java.util.ArrayList;
import java.util.List;

/**
 * One image's detections with everything needed to read them: the backbone, MaskCut's settings, timings.
 *
 * @param result        what MaskCut found
 * @param backbone      the backbone that produced the features
 * @param settings      MaskCut's settings
 * @param decodeMillis  time to decode the file
 * @param featureMillis time in the backbone
 * @param totalMillis   decode + features + cut + refinement
 */
public record DetectionReport(DetectionResult result, BackboneInfo backbone, MaskCut.Settings settings,
        double decodeMillis, double featureMillis, double totalMillis) {

    /**
     * The result document (the answer of a synchronous detection, and, with the file name, what is stored in
     * {@code detections.result} and sent as the task's result).
     */
    public ImageDetections asDocument(String imageId) {
        List<ImageDetections.DetectedObject> detections = new ArrayList<>();
        for (Detection d : result.detections()) {
            detections.add(new ImageDetections.DetectedObject(List.of(d.bbox()[0], d.bbox()[1], d.bbox()[2], d.bbox()[3]),
                    d.area(), Math.round(d.score() * 10_000) / 10_000.0,
                    new ImageDetections.RleSegmentation(List.of(result.height(), result.width()), d.mask().rleCounts())));
        }
        return new ImageDetections(imageId, result.width(), result.height(),
                new ImageDetections.DetectionBackbone(backbone.name(), backbone.kind(), backbone.patchSize(),
                        backbone.inputSize(), backbone.engine()),
                new ImageDetections.DetectionMethod("maskcut", settings.tau(), settings.maxObjects(),
                        List.of(result.gridRows(), result.gridCols())),
                detections,
                new ImageDetections.DetectionTimings(round(decodeMillis), round(featureMillis),
                        round(result.solverMillis()), result.solverIterations(), round(totalMillis)),
                null);
    }

    private static double round(double millis) {
        return Math.round(millis * 10) / 10.0;
    }
}
