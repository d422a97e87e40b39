package com.talentpipeline.bench.parsing;

import com.talentpipeline.bench.data.Csv;
import com.talentpipeline.core.json.PipelineJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Reads the two real-resume files of {@code ../shared/data} (never copied into the repository). */
public final class Datasets {

    /** One annotated resume: its text and, per label, the annotated span texts. */
    public record Annotated(String content, Map<String, List<String>> labels) {

        public List<String> get(String label) {
            return labels.getOrDefault(label, List.of());
        }
    }

    /** One categorised resume. */
    public record Categorised(String category, String text) {
    }

    private Datasets() {
    }

    /** {@code resume-entities-dev.jsonl}: {"content": ..., "annotation": [{"label": [..], "points": [{"text"}]}]}. */
    public static List<Annotated> entities(Path file) throws IOException {
        List<Annotated> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = PipelineJson.mapper().readTree(line);
            Map<String, List<String>> labels = new LinkedHashMap<>();
            JsonNode annotations = node.get("annotation");
            if (annotations != null && annotations.isArray()) {
                for (JsonNode annotation : annotations) {
                    for (JsonNode label : annotation.get("label")) {
                        for (JsonNode point : annotation.get("points")) {
                            labels.computeIfAbsent(label.asString(), k -> new ArrayList<>())
                                    .add(point.get("text").asString());
                        }
                    }
                }
            }
            out.add(new Annotated(node.get("content").asString(), labels));
        }
        return out;
    }

    /** {@code resume-categories-dev.csv}: columns Category, Resume; quoted fields may span lines (RFC 4180). */
    public static List<Categorised> categories(Path file) throws IOException {
        List<List<String>> rows = Csv.parse(Files.readString(file, StandardCharsets.UTF_8));
        List<Categorised> out = new ArrayList<>();
        for (List<String> r : rows.subList(Math.min(1, rows.size()), rows.size())) {
            if (r.size() >= 2) {
                out.add(new Categorised(r.get(0), r.get(1)));
            }
        }
        return out;
    }
}
