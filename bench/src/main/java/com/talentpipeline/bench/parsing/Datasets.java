package com.talentpipeline.bench.parsing;

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
        String csv = Files.readString(file, StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        List<Categorised> out = new ArrayList<>();
        for (List<String> r : rows.subList(Math.min(1, rows.size()), rows.size())) {
            if (r.size() >= 2) {
                out.add(new Categorised(r.get(0), r.get(1)));
            }
        }
        return out;
    }
}
