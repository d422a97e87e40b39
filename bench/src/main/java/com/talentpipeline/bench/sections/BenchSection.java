package com.talentpipeline.bench.sections;

import com.talentpipeline.bench.report.SectionResult;

/** One part of the benchmark; {@code BenchMain.sections()} lists them, in the order they run. */
public interface BenchSection {

    /** Short id, the key in report.json. */
    String id();

    /** Heading in report.md. */
    String title();

    /**
     * Whether the section uses the text encoder or the embedded stack; a run of sections that do not
     * (e.g. {@code parsing}) starts neither.
     */
    default boolean needsEncoder() {
        return true;
    }

    /** Runs the section (bounded) and returns what it measured. */
    SectionResult run(BenchContext context) throws Exception;
}
