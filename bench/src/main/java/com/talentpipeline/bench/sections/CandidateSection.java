package com.talentpipeline.bench.sections;

import com.talentpipeline.bench.report.SectionResult;
import com.talentpipeline.bench.matching.CandidateBenchmark;

/**
 * Candidates of a job over many resumes (100,000 by default): latency of one candidates page (vector
 * top-k over the tenant's resume vectors, then a full comparison of each candidate with the job)
 * against one brute-force full comparison of the job with every resume, and the recall of the brute
 * force's top 20, all in this run on the same resumes. Needs the encoder, not the stack.
 */
public final class CandidateSection implements BenchSection {

    @Override
    public String id() {
        return "candidates";
    }

    @Override
    public String title() {
        return "Candidates of a job over 100k resumes: p50/p99 vs brute force, recall of its top 20";
    }

    @Override
    public SectionResult run(BenchContext context) {
        int resumes = context.size("candidates.resumes", 100_000);
        int queries = context.size("candidates.queries", 100);
        CandidateBenchmark.Report report = CandidateBenchmark.run(context.encoder(), resumes, queries, context.seed());
        return new SectionResult(id(), title())
                .metric("resumes", report.resumes())
                .metric("queries", report.queries())
                .metric("distinct resume texts embedded", report.distinctResumeTexts())
                .metric("candidates p50 ms", report.candidatesP50Millis())
                .metric("candidates p99 ms", report.candidatesP99Millis())
                .metric("vector top-k p50 ms (k=100)", report.vectorTopKP50Millis())
                .metric("brute-force full comparison ms", report.fullScanMillis())
                .metric("recall of the brute force's top 20 (by score, ties count)", report.scoreRecall())
                .metric("recall of the brute force's top 20 (by id)", report.idRecall())
                .metric("match % ratio (candidates / brute-force top 20)", report.scoreRatio())
                .ratio("candidates p50 / brute force", report.candidatesP50Millis(), report.fullScanMillis(),
                        "candidates p50 ms", "brute force ms")
                .ratio("candidates p99 / brute force", report.candidatesP99Millis(), report.fullScanMillis(),
                        "candidates p99 ms", "brute force ms")
                .note("Resume texts are drawn from 12 realistic job families and embedded for real; the resumes reuse"
                        + " them with their own experience years (which the vectors do not see), so near-duplicates"
                        + " compete; by-id recall counts exact ids among equal-score duplicates and is the stricter number."
                        + " Stored rows come from memory: the worker's one PostgreSQL query per page is not included.");
    }
}
