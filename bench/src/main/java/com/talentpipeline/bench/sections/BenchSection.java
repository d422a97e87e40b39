package com.talentpipeline.bench.sections;

import com.talentpipeline.bench.report.SectionResult;

/** One part of the benchmark; {@code BenchMain.sections()} lists them, in the order they run. */
public interface BenchSection {

    /** Short id, the key in report.json. */
    String id();

    /** Heading in report.md. */
    String title();

    /** Runs the section (bounded) and returns what it measured. */
    SectionResult run(BenchContext context) throws Exception;
}
