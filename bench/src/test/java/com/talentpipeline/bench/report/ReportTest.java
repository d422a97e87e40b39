package com.talentpipeline.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.bench.BenchMain;
import com.talentpipeline.bench.sections.BenchSection;
import com.talentpipeline.bench.sections.Corpus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        long[] nanos = {5_000_000, 1_000_000, 3_000_000, 2_000_000, 4_000_000};
        assertThat(Stats.percentileMillis(nanos, 50)).isEqualTo(3.0);
        assertThat(Stats.percentileMillis(nanos, 99)).isEqualTo(5.0);
        assertThat(Stats.perSecond(10, 2_000_000_000L)).isEqualTo(5.0);
    }

    @Test
    void theReportListsEveryRatioAndTheMachineInMarkdownAndJson() {
        SectionResult encoder = new SectionResult("encoder", "Encoder").metric("texts", 10)
                .ratio("batched / loop", 300, 100, "batched/s", "loop/s");
        SectionResult broken = SectionResult.failed("ingest", "Ingest", new IllegalStateException("no broker"));
        Machine machine = new Machine(2, "Test CPU", 1024, "17", "Linux", "all-MiniLM-L6-v2", "OnnxRuntime on cpu", "1.0 / 1.0 / 1.0");
        String md = Report.markdown(machine, List.of(encoder, broken), 42, 1000, Instant.EPOCH);
        assertThat(md).contains("| encoder | batched / loop | **3.0** |", "Test CPU (2 cores", "Not measured: "
                + "java.lang.IllegalStateException: no broker");
        String json = Report.json(machine, List.of(encoder, broken), 42, 1000, Instant.EPOCH);
        assertThat(json).contains("\"value\" : 3.0", "\"cores\" : 2", "\"error\" : \"java.lang.IllegalStateException");
    }

    @Test
    void aPartialRunReplacesItsSectionsAndKeepsTheOthers() {
        Machine machine = new Machine(2, "Test CPU", 1024, "17", "Linux", "m", "e", "1 / 1 / 1");
        SectionResult encoder = new SectionResult("encoder", "Encoder").metric("texts", 10)
                .ratio("batched / loop", 300, 100, "batched/s", "loop/s");
        SectionResult oldParsing = new SectionResult("parsing", "Parsing").metric("name F1", 0.1);
        String previous = Report.markdown(machine, List.of(encoder, oldParsing), 42, 1000, Instant.EPOCH);
        SectionResult parsing = new SectionResult("parsing", "Parsing").metric("name F1", 0.9);
        String fresh = Report.markdown(machine, List.of(parsing), 42, 10, Instant.EPOCH);
        String merged = Report.mergeMarkdown(previous, fresh, List.of(parsing), Instant.EPOCH);
        assertThat(merged).contains("| encoder | batched / loop | **3.0** |", "## Encoder", "| name F1 | 0.9 |",
                "re-measured by a partial run").doesNotContain("| name F1 | 0.1 |");
        assertThat(merged.indexOf("## Encoder")).isLessThan(merged.indexOf("## Parsing"));
    }

    @Test
    void sectionsHaveDistinctIdsAndTheCorpusIsSeededAndVaried() {
        assertThat(BenchMain.sections()).extracting(BenchSection::id).doesNotHaveDuplicates()
                .contains("encoder", "pipeline", "cache", "ingest", "parsing");
        Corpus corpus = new Corpus(7);
        assertThat(corpus.resume("t", 1)).isEqualTo(new Corpus(7).resume("t", 1)).isNotEqualTo(corpus.resume("t", 2));
        assertThat(Corpus.texts(corpus.resume("t", 1))).hasSizeGreaterThan(5);
    }
}
