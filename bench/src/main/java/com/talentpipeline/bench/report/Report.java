package com.talentpipeline.bench.report;

import com.talentpipeline.core.json.PipelineJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes the results as {@code report.md} (for people) and {@code report.json} (for tools). */
public final class Report {

    private Report() {
    }

    /** Writes both files into the directory. */
    public static void write(Path dir, Machine machine, List<SectionResult> sections, long seed, long totalMillis)
            throws IOException {
        Files.createDirectories(dir);
        Instant at = Instant.now();
        Files.writeString(dir.resolve("report.md"), markdown(machine, sections, seed, totalMillis, at), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("report.json"), json(machine, sections, seed, totalMillis, at), StandardCharsets.UTF_8);
    }

    /**
     * Writes both files for a run of some sections only ({@code -Dbench.sections}): report.md keeps the
     * previous report's other sections and ratio rows (its header, which describes the full run's
     * machine, too) and gets this run's sections in place of their old versions, with a line saying
     * what was re-measured when; report.json has this run's sections.
     */
    public static void writePartial(Path dir, Machine machine, List<SectionResult> sections, long seed, long totalMillis)
            throws IOException {
        Path md = dir.resolve("report.md");
        if (!Files.isRegularFile(md)) {
            write(dir, machine, sections, seed, totalMillis);
            return;
        }
        Instant at = Instant.now();
        String merged = mergeMarkdown(Files.readString(md, StandardCharsets.UTF_8),
                markdown(machine, sections, seed, totalMillis, at), sections, at);
        Files.writeString(md, merged, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("report.json"), json(machine, sections, seed, totalMillis, at), StandardCharsets.UTF_8);
    }

    /** The previous report with the given sections' blocks and ratio rows replaced by (or added from) the new one. */
    static String mergeMarkdown(String previous, String fresh, List<SectionResult> ran, Instant at) {
        List<String> titles = ran.stream().map(r -> "## " + r.title()).toList();
        List<String> ids = ran.stream().map(SectionResult::id).toList();
        Map<String, String> oldBlocks = blocks(previous);
        Map<String, String> newBlocks = blocks(fresh);
        StringBuilder out = new StringBuilder(oldBlocks.remove(""));
        String note = "Sections re-measured by a partial run at " + at + ": " + String.join(", ", ids) + ".\n\n";
        if (!out.toString().contains(note.substring(0, 30))) {
            out.append(note);
        } else {
            int from = out.indexOf("Sections re-measured by a partial run at ");
            int to = out.indexOf("\n\n", from) + 2;
            out.replace(from, to, note);
        }
        for (var entry : oldBlocks.entrySet()) {
            String heading = entry.getKey();
            if (heading.equals("## Ratios")) {
                out.append(ratios(entry.getValue(), newBlocks.get("## Ratios"), ids));
            } else if (titles.contains(heading)) {
                out.append(newBlocks.remove(heading));
            } else {
                out.append(entry.getValue());
            }
        }
        for (var entry : newBlocks.entrySet()) {
            if (titles.contains(entry.getKey())) {
                out.append(entry.getValue()); // a section the previous report did not have
            }
        }
        return out.toString();
    }

    /** The Ratios block: the old rows of sections that did not run, then the new rows. */
    private static String ratios(String oldBlock, String newBlock, List<String> ids) {
        StringBuilder out = new StringBuilder();
        for (String line : oldBlock.split("\n", -1)) {
            boolean ranRow = ids.stream().anyMatch(id -> line.startsWith("| " + id + " |"));
            if (!ranRow && !line.isEmpty()) {
                out.append(line).append('\n');
            }
        }
        if (newBlock != null) {
            for (String line : newBlock.split("\n")) {
                if (ids.stream().anyMatch(id -> line.startsWith("| " + id + " |"))) {
                    out.append(line).append('\n');
                }
            }
        }
        return out.append('\n').toString();
    }

    /** "## " blocks by heading, in order; the text before the first one under "". */
    private static Map<String, String> blocks(String md) {
        Map<String, String> blocks = new LinkedHashMap<>();
        String heading = "";
        StringBuilder block = new StringBuilder();
        for (String line : md.split("(?<=\n)")) {
            if (line.startsWith("## ")) {
                blocks.put(heading, block.toString());
                heading = line.strip();
                block = new StringBuilder();
            }
            block.append(line);
        }
        blocks.put(heading, block.toString());
        return blocks;
    }

    /** The Markdown report. */
    public static String markdown(Machine machine, List<SectionResult> sections, long seed, long totalMillis, Instant at) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark report\n\n");
        md.append("Generated by `./bench/run` at ").append(at).append(" (seed ").append(seed).append(", ")
                .append(Math.round(totalMillis / 1000.0)).append(" s in all). Every ratio compares two measurements ")
                .append("taken in this run on this machine; absolute numbers depend on the machine and its load.\n\n");
        md.append("| Machine | |\n|---|---|\n");
        md.append("| CPU | ").append(machine.cpu()).append(" (").append(machine.cores()).append(" cores available)|\n");
        md.append("| JVM heap | ").append(machine.memoryMb()).append(" MB |\n");
        md.append("| JDK | ").append(machine.jdk()).append(" |\n");
        md.append("| OS | ").append(machine.os()).append(" |\n");
        md.append("| Model | ").append(machine.model()).append(" |\n");
        md.append("| Engine | ").append(machine.engine()).append(" |\n");
        md.append("| Load average (1/5/15 min) | ").append(machine.load()).append(" |\n\n");

        md.append("## Ratios\n\n| Section | Ratio | Value | Numerator | Denominator |\n|---|---|---|---|---|\n");
        for (SectionResult s : sections) {
            for (Ratio r : s.ratios()) {
                md.append("| ").append(s.id()).append(" | ").append(r.name()).append(" | **").append(r.value())
                        .append("** | ").append(r.numerator()).append(" | ").append(r.denominator()).append(" |\n");
            }
        }
        md.append('\n');
        for (SectionResult s : sections) {
            md.append("## ").append(s.title()).append("\n\n");
            if (s.error() != null) {
                md.append("Not measured: ").append(s.error()).append("\n\n");
                continue;
            }
            md.append("| Metric | Value |\n|---|---|\n");
            s.metrics().forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
            md.append('\n');
            for (SectionResult.Table t : s.tables()) {
                md.append("**").append(t.title()).append("**\n\n| ").append(String.join(" | ", t.header())).append(" |\n|");
                md.append("---|".repeat(t.header().size())).append('\n');
                for (List<String> row : t.rows()) {
                    md.append("| ").append(String.join(" | ", row)).append(" |\n");
                }
                md.append('\n');
            }
            for (String note : s.notes()) {
                md.append("- ").append(note).append('\n');
            }
            md.append("\n(section took ").append(s.millis()).append(" ms)\n\n");
        }
        return md.toString();
    }

    /** The JSON report. */
    public static String json(Machine machine, List<SectionResult> sections, long seed, long totalMillis, Instant at) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("generatedAt", at.toString());
        root.put("seed", seed);
        root.put("totalMillis", totalMillis);
        root.put("machine", machine);
        Map<String, Object> bySection = new LinkedHashMap<>();
        for (SectionResult s : sections) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("title", s.title());
            one.put("millis", s.millis());
            if (s.error() != null) {
                one.put("error", s.error());
            }
            one.put("metrics", s.metrics());
            one.put("ratios", s.ratios());
            if (!s.tables().isEmpty()) {
                one.put("tables", s.tables());
            }
            one.put("notes", s.notes());
            bySection.put(s.id(), one);
        }
        root.put("sections", bySection);
        return PipelineJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }
}
