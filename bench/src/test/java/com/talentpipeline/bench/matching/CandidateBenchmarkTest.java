package com.talentpipeline.bench.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The candidates benchmark runs end to end on a few resumes and reports consistent numbers (speed is not asserted). */
class CandidateBenchmarkTest {

    @Test
    void smallRunReportsEveryMeasurement() {
        CandidateBenchmark.Report report = CandidateBenchmark.run(Model.encoder(), 300, 5, 7);
        assertThat(report.resumes()).isEqualTo(300);
        assertThat(report.distinctResumeTexts()).isEqualTo(100);
        assertThat(report.candidatesP50Millis()).isPositive().isLessThanOrEqualTo(report.candidatesP99Millis());
        assertThat(report.fullScanMillis()).isPositive();
        assertThat(report.vectorTopKP50Millis()).isPositive();
        assertThat(report.scoreRecall()).isBetween(0.0, 1.0);
        assertThat(report.idRecall()).isBetween(0.0, report.scoreRecall() + 1e-9);
        assertThat(report.scoreRatio()).isBetween(0.0, 1.0001);
        assertThat(report.toString()).contains("300 resumes", "p50", "brute-force");
    }
}
