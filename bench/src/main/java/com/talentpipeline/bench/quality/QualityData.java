package com.talentpipeline.bench.quality;

import com.talentpipeline.bench.data.Csv;
import com.talentpipeline.core.json.PipelineJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The real resumes of {@code ../shared/data} (third-party data: read at run time, never copied into
 * the repository): {@code resume-categories-dev.csv} and {@code resume-entities-dev.jsonl}.
 *
 * @param categorised resumes with their job category, in file order
 * @param annotated   resumes with entity annotations, in file order (the RAG questions refer to them by index)
 */
public record QualityData(List<Categorised> categorised, List<Annotated> annotated) {

    /** The CSV file. */
    public static final String CATEGORIES = "resume-categories-dev.csv";
    /** The JSONL file. */
    public static final String ENTITIES = "resume-entities-dev.jsonl";

    /**
     * @param category the job category
     * @param text     the resume text
     */
    public record Categorised(String category, String text) {
    }

    /**
     * @param content resume text
     * @param spans   annotated span texts per label ({@code Skills}, {@code College Name} ...)
     */
    public record Annotated(String content, Map<String, List<String>> spans) {

        /** The span texts of a label, empty when absent. */
        public List<String> spans(String label) {
            return spans.getOrDefault(label, List.of());
        }
    }

    /** The data directory: {@code -Dbench.data}, else {@code ../shared/data} from the project root. */
    public static Path directory() {
        return Path.of(System.getProperty("bench.data", "../shared/data"));
    }

    /** Whether both files are present. */
    public static boolean present(Path dir) {
        return Files.isRegularFile(dir.resolve(CATEGORIES)) && Files.isRegularFile(dir.resolve(ENTITIES));
    }

    /** Reads both files. */
    public static QualityData load(Path dir) {
        try {
            List<Categorised> categorised = new ArrayList<>();
            List<List<String>> rows = Csv.parse(Files.readString(dir.resolve(CATEGORIES), StandardCharsets.UTF_8));
            for (List<String> row : rows.subList(1, rows.size())) {
                if (row.size() >= 2 && !row.get(1).isBlank()) {
                    categorised.add(new Categorised(row.get(0).strip(), row.get(1)));
                }
            }
            List<Annotated> annotated = new ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve(ENTITIES), StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = PipelineJson.mapper().readTree(line);
                Map<String, List<String>> spans = new LinkedHashMap<>();
                for (JsonNode a : node.path("annotation")) {
                    if (a.path("label").isEmpty()) {
                        continue;
                    }
                    String label = a.path("label").get(0).asString();
                    for (JsonNode p : a.path("points")) {
                        spans.computeIfAbsent(label, k -> new ArrayList<>()).add(p.path("text").asString());
                    }
                }
                annotated.add(new Annotated(node.path("content").asString(), spans));
            }
            return new QualityData(List.copyOf(categorised), List.copyOf(annotated));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
