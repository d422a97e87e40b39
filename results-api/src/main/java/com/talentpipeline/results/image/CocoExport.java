package com.talentpipeline.results.image;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A detection result document (the image task's result) as a COCO detection file: {@code images}, {@code annotations} (uncompressed
 * RLE segmentation, {@code iscrowd} 0, one class) and {@code categories} (MaskCut is class-agnostic).
 */
final class CocoExport {

    private CocoExport() {
    }

    static Map<String, Object> of(JsonNode result, String fileName) {
        Map<String, Object> coco = new LinkedHashMap<>();
        coco.put("info", Map.of("description", "MaskCut object discovery",
                "backbone", result.path("backbone").path("name").asString()));
        coco.put("images", List.of(Map.of("id", 1, "file_name", fileName,
                "width", result.path("width").asInt(), "height", result.path("height").asInt())));
        List<Map<String, Object>> annotations = new ArrayList<>();
        int id = 1;
        for (JsonNode d : result.path("detections")) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("id", id++);
            a.put("image_id", 1);
            a.put("category_id", 1);
            a.put("bbox", d.path("bbox"));
            a.put("area", d.path("area").asLong());
            a.put("segmentation", d.path("segmentation"));
            a.put("score", d.path("score").asDouble());
            a.put("iscrowd", 0);
            annotations.add(a);
        }
        coco.put("annotations", annotations);
        coco.put("categories", List.of(Map.of("id", 1, "name", "object", "supercategory", "object")));
        return coco;
    }
}
