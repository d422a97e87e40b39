package com.talentpipeline.detection.detect;

import com.talentpipeline.detection.backbone.BackboneInfo;
import com.talentpipeline.detection.maskcut.Detection;
import com.talentpipeline.detection.maskcut.DetectionResult;
import com.talentpipeline.detection.maskcut.MaskCut;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** The result document (stored in {@code detections.result} and sent as the task's result). */
    public Map<String, Object> asDocument(String imageId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("imageId", imageId);
        body.put("width", result.width());
        body.put("height", result.height());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", backbone.name());
        model.put("kind", backbone.kind());
        model.put("patchSize", backbone.patchSize());
        model.put("inputSize", backbone.inputSize());
        model.put("engine", backbone.engine());
        body.put("backbone", model);
        body.put("method", Map.of("name", "maskcut", "tau", settings.tau(), "maxObjects", settings.maxObjects(),
                "grid", List.of(result.gridRows(), result.gridCols())));
        List<Map<String, Object>> detections = new ArrayList<>();
        for (Detection d : result.detections()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("bbox", List.of(d.bbox()[0], d.bbox()[1], d.bbox()[2], d.bbox()[3]));
            item.put("area", d.area());
            item.put("score", Math.round(d.score() * 10_000) / 10_000.0);
            item.put("segmentation", Map.of("size", List.of(result.height(), result.width()),
                    "counts", d.mask().rleCounts()));
            detections.add(item);
        }
        body.put("detections", detections);
        Map<String, Object> timings = new LinkedHashMap<>();
        timings.put("decodeMillis", round(decodeMillis));
        timings.put("featuresMillis", round(featureMillis));
        timings.put("solverMillis", round(result.solverMillis()));
        timings.put("solverIterations", result.solverIterations());
        timings.put("totalMillis", round(totalMillis));
        body.put("timings", timings);
        return body;
    }

    private static double round(double millis) {
        return Math.round(millis * 10) / 10.0;
    }
}
