package com.talentpipeline.bench.sections;

import com.talentpipeline.bench.report.SectionResult;
import com.talentpipeline.bench.matching.RecommendationBenchmark;

/**
 * Recommendations over a large job index (100,000 jobs by default): latency of one recommendation
 * (vector top-k on the matching worker's index, then a full comparison of the candidates) against one
 * brute-force full comparison of the resume with every job, both in this run on the same index.
 */
public final class RecommendationSection implements BenchSection {

    @Override
    public String id() {
        return "recommendations";
    }

    @Override
    public String title() {
        return "Recommendations over 100k jobs: p50/p99 vs brute force";
    }

    @Override
    public SectionResult run(BenchContext context) {
        int jobs = context.size("recommendations.jobs", 100_000);
        int queries = context.size("recommendations.queries", 200);
        RecommendationBenchmark.Report report =
                RecommendationBenchmark.run(context.encoder(), jobs, queries, context.seed());
        return new SectionResult(id(), title())
                .metric("jobs", report.jobs())
                .metric("queries", report.queries())
                .metric("distinct job texts embedded", report.distinctJobTexts())
                .metric("recommendation p50 ms", report.recommendP50Millis())
                .metric("recommendation p99 ms", report.recommendP99Millis())
                .metric("brute-force full scan ms", report.fullScanMillis())
                .metric("vector top-k p50 ms (Java)", report.javaTopKP50Millis())
                .metric("vector top-k p50 ms (PyTorch)", report.torchTopKP50Millis())
                .metric("recall of the full scan's top 20", report.candidateRecall())
                .metric("match % ratio (recommended / full-scan top 20)", report.scoreRatio())
                .ratio("recommendation p50 / brute-force scan", report.recommendP50Millis(), report.fullScanMillis(),
                        "recommendation p50 ms", "full scan ms")
                .ratio("recommendation p99 / brute-force scan", report.recommendP99Millis(), report.fullScanMillis(),
                        "recommendation p99 ms", "full scan ms")
                .note("Job texts are drawn from 12 realistic job families and embedded for real; the 100k jobs reuse"
                        + " them with their own company, location and remote flag and a little noise on the search"
                        + " vector, so near-duplicates compete as they do in a real job board.");
    }
}
