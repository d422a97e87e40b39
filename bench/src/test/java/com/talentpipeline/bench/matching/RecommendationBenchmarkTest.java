package com.talentpipeline.bench.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The benchmark runs end to end on a small index and reports consistent numbers (speed is not asserted). */
class RecommendationBenchmarkTest {

    @Test
    void smallRunReportsEveryMeasurement() {
        RecommendationBenchmark.Report report = RecommendationBenchmark.run(Model.encoder(), 40, 5, 7);
        assertThat(report.jobs()).isEqualTo(40);
        assertThat(report.queries()).isEqualTo(5);
        assertThat(report.distinctJobTexts()).isEqualTo(40);
        assertThat(report.recommendP50Millis()).isPositive().isLessThanOrEqualTo(report.recommendP99Millis());
        assertThat(report.fullScanMillis()).isPositive();
        assertThat(report.javaTopKP50Millis()).isPositive();
        assertThat(report.candidateRecall()).isBetween(0.0, 1.0);
        assertThat(report.scoreRatio()).isBetween(0.0, 1.0001);
        assertThat(report.toString()).contains("40 jobs", "p50", "full scan");
    }

    @Test
    void percentilesAreNearestRank() {
        double[] values = {5, 1, 4, 2, 3};
        assertThat(RecommendationBenchmark.percentile(values, 50)).isEqualTo(3);
        assertThat(RecommendationBenchmark.percentile(values, 99)).isEqualTo(5);
    }
}
