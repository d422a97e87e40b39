package com.talentpipeline.bench;

import com.talentpipeline.bench.report.Machine;
import com.talentpipeline.bench.report.Report;
import com.talentpipeline.bench.report.SectionResult;
import com.talentpipeline.bench.sections.BenchContext;
import com.talentpipeline.bench.sections.BenchSection;
import com.talentpipeline.bench.sections.CacheSection;
import com.talentpipeline.bench.sections.CandidateSection;
import com.talentpipeline.bench.sections.EncoderSection;
import com.talentpipeline.bench.sections.IngestSection;
import com.talentpipeline.bench.sections.ParsingSection;
import com.talentpipeline.bench.sections.PipelineSection;
import com.talentpipeline.bench.sections.QualitySection;
import com.talentpipeline.bench.sections.RecommendationSection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the benchmark sections in order and writes {@code report.md} and {@code report.json} into
 * {@code -Dbench.out} (default {@code bench}). {@code -Dbench.seed} (42) seeds the corpus;
 * {@code -Dbench.sections=encoder,cache} runs some sections only. A section that fails is reported
 * as not measured; the others still run. A run of some sections keeps the other sections of the
 * previous report (marked as carried over).
 */
public final class BenchMain {

    private BenchMain() {
    }

    /** The sections, in the order they run; a new one is one more element here. */
    public static List<BenchSection> sections() {
        return new ArrayList<>(List.of(new EncoderSection(), new PipelineSection(), new CacheSection(),
                new IngestSection(), new RecommendationSection(), new CandidateSection(), new ParsingSection(), new QualitySection()));
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        System.setProperty("OPT_OUT_TRACKING", System.getProperty("OPT_OUT_TRACKING", "true"));
        long seed = Long.getLong("bench.seed", 42L);
        Path out = Path.of(System.getProperty("bench.out", "bench"));
        String only = System.getProperty("bench.sections", "");
        List<String> selected = only.isBlank() ? List.of() : Arrays.asList(only.split(","));
        long t0 = System.nanoTime();
        String loadAtStart = Machine.loadAverage();
        List<SectionResult> results = new ArrayList<>();
        Machine machine;
        List<BenchSection> toRun = sections().stream()
                .filter(s -> selected.isEmpty() || selected.contains(s.id())).toList();
        try (BenchContext context = new BenchContext(seed)) {
            if (toRun.stream().anyMatch(BenchSection::needsEncoder)) {
                var info = context.encoder().info();
                machine = Machine.current(info.name() + " (" + info.version() + ", " + info.dimension() + " dims)",
                        info.engine() + " on " + info.device());
            } else {
                // Sections such as parsing need neither the model nor the stack: neither is started.
                machine = Machine.current("not loaded (no selected section uses it)", "-");
            }
            for (BenchSection section : toRun) {
                System.out.println("[bench] " + section.title() + " ...");
                long s0 = System.nanoTime();
                SectionResult result;
                try {
                    result = section.run(context);
                } catch (Exception | Error e) {
                    e.printStackTrace();
                    result = SectionResult.failed(section.id(), section.title(), e);
                }
                result.took((System.nanoTime() - s0) / 1_000_000);
                System.out.println("[bench] " + section.id() + ": " + result.metrics() + " " + result.ratios());
                results.add(result);
            }
        }
        long total = (System.nanoTime() - t0) / 1_000_000;
        if (selected.isEmpty()) {
            Report.write(out, machine.withLoad(loadAtStart), results, seed, total);
        } else {
            Report.writePartial(out, machine.withLoad(loadAtStart), results, seed, total);
        }
        System.out.println("[bench] wrote " + out.resolve("report.md") + " and report.json in " + total + " ms");
        System.exit(0);
    }
}
