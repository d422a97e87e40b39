package com.talentpipeline.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one benchmark section measured: named metrics, ratios and notes (how it was measured). */
public final class SectionResult {

    private final String id;
    private final String title;
    private final Map<String, Object> metrics = new LinkedHashMap<>();
    private final List<Ratio> ratios = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();
    private String error;
    private long millis;

    public SectionResult(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** A section that could not run, with the reason. */
    public static SectionResult failed(String id, String title, Throwable e) {
        SectionResult r = new SectionResult(id, title);
        r.error = e.toString();
        return r;
    }

    /** A section that is not part of this build, with the reason. */
    public static SectionResult notMeasured(String id, String title, String reason) {
        SectionResult r = new SectionResult(id, title);
        r.error = reason;
        return r;
    }

    public SectionResult metric(String name, Object value) {
        metrics.put(name, value instanceof Double d ? Stats.round(d) : value);
        return this;
    }

    public SectionResult ratio(String name, double numeratorValue, double denominatorValue, String numerator,
            String denominator) {
        ratios.add(new Ratio(name, Stats.round(numeratorValue / denominatorValue), numerator, denominator));
        return this;
    }

    /**
     * A table of results (rendered after the metrics in report.md, under {@code tables} in report.json).
     *
     * @param title  caption
     * @param header column names
     * @param rows   cells, one list per row, as they are to be printed
     */
    public record Table(String title, List<String> header, List<List<String>> rows) {
        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    public SectionResult table(Table table) {
        tables.add(table);
        return this;
    }

    public List<Table> tables() {
        return tables;
    }

    public SectionResult note(String note) {
        notes.add(note);
        return this;
    }

    public SectionResult took(long millis) {
        this.millis = millis;
        return this;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> metrics() {
        return metrics;
    }

    public List<Ratio> ratios() {
        return ratios;
    }

    public List<String> notes() {
        return notes;
    }

    /** Why the section failed, or null. */
    public String error() {
        return error;
    }

    public long millis() {
        return millis;
    }
}
