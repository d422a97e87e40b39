package com.talentpipeline.bench.matching;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.job.Job;
import com.talentpipeline.core.resume.ResumeEmbeddings;
import com.talentpipeline.core.skill.SkillVocabulary;
import com.talentpipeline.core.task.ModelRef;
import com.talentpipeline.inference.config.TextModelProperties;
import com.talentpipeline.inference.text.DjlTextEncoder;
import com.talentpipeline.inference.text.TextEncoder;
import com.talentpipeline.matching.candidates.CandidateFilter;
import com.talentpipeline.matching.candidates.CandidateRanker;
import com.talentpipeline.matching.compare.JobProfile;
import com.talentpipeline.matching.compare.MatchEngine;
import com.talentpipeline.core.match.MatchResult;
import com.talentpipeline.matching.compare.ProfileEmbedder;
import com.talentpipeline.matching.compare.ResumeProfile;
import com.talentpipeline.matching.compare.SkillEmbeddings;
import com.talentpipeline.matching.compare.SkillMatcher;
import com.talentpipeline.matching.config.MatchingProperties;
import com.talentpipeline.matching.index.ResumeVectors;
import com.talentpipeline.matching.recommend.Profiles;
import com.talentpipeline.matching.store.StoredDocument;
import com.talentpipeline.matching.store.StoredResume;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Operator tool: how the candidates of a job ({@code GET /v1/jobs/{id}/candidates}) scale. Fills the
 * resume vectors with {@code resumes} resumes of one tenant and measures one candidates page (vector
 * top-k of {@code 20 * 5} over the tenant's resume vectors, then the full comparison of each candidate
 * with the job) against one brute-force full comparison of the job with every resume.
 *
 * <p>Where the vectors come from: {@code distinctResumes} resume texts (a title, five skills and a role
 * drawn from the twelve job families of {@link Catalog}) are embedded for real with the bundled
 * all-MiniLM-L6-v2, section by section; each of the {@code resumes} resumes reuses one of them (vectors
 * and skills) with its own total experience years (0.5-15), which the vectors do not see and the full
 * comparison does. Jobs (the queries) are embedded for real too. Stored rows come from memory (the
 * worker reads them from PostgreSQL in one query per page; that round trip is not measured here).
 *
 * <p>Run: {@code java -cp ... CandidateBenchmark [resumes] [queries] [seed]}.
 */
public final class CandidateBenchmark {

    /** Candidates per page, as the API's default. */
    public static final int LIMIT = 20;
    private static final int MAX_DISTINCT_RESUMES = 1000;
    private static final String TENANT = "bench";

    private CandidateBenchmark() {
    }

    /**
     * The measurements.
     *
     * @param resumes             resumes held
     * @param queries             candidates pages timed
     * @param distinctResumeTexts distinct resume texts embedded for real
     * @param embedSeconds        time to embed them and the jobs
     * @param candidatesP50Millis latency of one candidates page, median
     * @param candidatesP99Millis the same, 99th percentile
     * @param vectorTopKP50Millis the vector top-k alone (k = 100), median
     * @param fullScanMillis      one brute-force full comparison of a job with every resume
     * @param scoreRecall         share of the page scoring at least the brute force's 20th best (ties count), mean
     * @param idRecall            share of the brute force's top 20 resume ids on the page, mean (near-duplicate
     *                            resumes of equal score make this lower than the score recall)
     * @param scoreRatio          mean match % of the page / mean match % of the brute force's top 20
     */
    public record Report(int resumes, int queries, int distinctResumeTexts, double embedSeconds,
            double candidatesP50Millis, double candidatesP99Millis, double vectorTopKP50Millis, double fullScanMillis,
            double scoreRecall, double idRecall, double scoreRatio) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, """
                    CandidateBenchmark: %d resumes (%d distinct resume texts embedded with all-MiniLM-L6-v2), %d queries
                      embedding: %.1f s
                      candidates page (top-%d of %d by vector, full rerank): p50 %.2f ms, p99 %.2f ms (vector top-k alone p50 %.2f ms)
                      brute-force full comparison with every resume: %.1f ms  -> %.0fx the p50
                      recall of the brute force's top %d: by score %.3f, by id %.3f; score ratio %.3f""",
                    resumes, distinctResumeTexts, queries, embedSeconds, LIMIT, LIMIT * 5, candidatesP50Millis,
                    candidatesP99Millis, vectorTopKP50Millis, fullScanMillis, fullScanMillis / candidatesP50Millis, LIMIT,
                    scoreRecall, idRecall, scoreRatio);
        }
    }

    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", "true");
        int resumes = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
        try (TextEncoder encoder = DjlTextEncoder.load(new TextModelProperties(), new SimpleMeterRegistry())) {
            System.out.println(run(encoder, resumes, queries, seed));
        }
    }

    /** Fills the resume vectors and measures. */
    public static Report run(TextEncoder encoder, int resumes, int queries, long seed) {
        Random random = new Random(seed);
        ProfileEmbedder embedder = new ProfileEmbedder(encoder);
        MatchingProperties properties = MatchingProperties.defaults();
        MatchEngine engine = new MatchEngine(new SkillMatcher(SkillVocabulary.defaults(), new SkillEmbeddings(encoder),
                properties.skillThreshold()));

        long t0 = System.nanoTime();
        int distinct = Math.min(resumes, Math.min(MAX_DISTINCT_RESUMES, Math.max(100, resumes / 100)));
        List<ResumeProfile> templates = new ArrayList<>(distinct);
        for (int i = 0; i < distinct; i++) {
            templates.add(embedder.resume("template-" + i, TENANT, RecommendationBenchmark.resume(random, random.nextInt(1000))));
        }
        List<JobProfile> jobs = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            Job job = RecommendationBenchmark.templateJob(random);
            jobs.add(embedder.job("job-" + i, TENANT, job));
        }
        double embedSeconds = (System.nanoTime() - t0) / 1e9;

        ResumeVectors vectors = new ResumeVectors();
        Map<String, StoredResume> rows = new HashMap<>(resumes * 2);
        ModelRef model = new ModelRef("all-minilm-l6-v2", "bench", encoder.info().dimension());
        for (int i = 0; i < resumes; i++) {
            ResumeProfile t = templates.get(random.nextInt(distinct));
            String id = String.format(Locale.ROOT, "resume-%06d", i);
            double years = 0.5 + random.nextInt(30) / 2.0;
            vectors.put(EventEnvelope.of("resume.embedded", null, TENANT, id, t.contentHash(), null,
                    new ResumeEmbeddings(id, 1, model, t.sections(), Map.of(),
                            new ResumeEmbeddings.Metrics(years, t.skills().size(), 1))));
            rows.put(id, new StoredResume(new StoredDocument(id, TENANT, 1, t.resumeId(), t.skills(), null), null, false));
        }
        CandidateRanker ranker = new CandidateRanker(vectors, (tenant, ids) -> {
            Map<String, StoredResume> found = new HashMap<>();
            for (String id : ids) {
                StoredResume row = rows.get(id);
                if (row != null) {
                    found.put(id, row);
                }
            }
            return found;
        }, engine, properties);

        // Warm-up: JIT, and every distinct skill name embedded once (as a long-running worker has).
        for (JobProfile job : jobs) {
            ranker.rank(job, CandidateFilter.NONE, 0, LIMIT);
        }
        double[] latencies = new double[queries];
        for (int q = 0; q < queries; q++) {
            long s = System.nanoTime();
            ranker.rank(jobs.get(q % jobs.size()), CandidateFilter.NONE, 0, LIMIT);
            latencies[q] = (System.nanoTime() - s) / 1e6;
        }
        double[] topK = new double[Math.max(queries, 20)];
        for (int q = 0; q < topK.length; q++) {
            long s = System.nanoTime();
            vectors.topK(TENANT, jobs.get(q % jobs.size()).vector(), LIMIT * 5);
            topK[q] = (System.nanoTime() - s) / 1e6;
        }
        // One brute-force comparison with every resume, measured alone, then the quality over 6 jobs.
        long s = System.nanoTime();
        double[] all = bruteForce(jobs.get(1), vectors, rows, engine, properties).scores;
        double fullScanMillis = (System.nanoTime() - s) / 1e6;
        if (all.length != resumes) {
            throw new IllegalStateException("brute force covered " + all.length + " of " + resumes + " resumes");
        }
        double[] quality = quality(ranker, jobs.subList(0, 6), vectors, rows, engine, properties);
        return new Report(resumes, queries, distinct, embedSeconds, RecommendationBenchmark.percentile(latencies, 50),
                RecommendationBenchmark.percentile(latencies, 99), RecommendationBenchmark.percentile(topK, 50),
                fullScanMillis, quality[0], quality[1], quality[2]);
    }

    private record Exhaustive(String[] ids, double[] scores) {
    }

    /** The job compared in full with every resume of the tenant (what the vector top-k avoids). */
    private static Exhaustive bruteForce(JobProfile job, ResumeVectors vectors, Map<String, StoredResume> rows,
            MatchEngine engine, MatchingProperties properties) {
        MatchingProperties.Weights weights = properties.weightsOf(job.tenantId());
        List<ResumeVectors.Hit> everyone = vectors.topK(TENANT, job.vector(), vectors.size(TENANT));
        String[] ids = new String[everyone.size()];
        double[] scores = new double[everyone.size()];
        for (int i = 0; i < ids.length; i++) {
            ResumeVectors.Entry e = everyone.get(i).entry();
            ids[i] = e.embeddings().resumeId();
            ResumeProfile profile = Profiles.of(rows.get(ids[i]).document(), e.embeddings());
            scores[i] = engine.session(profile).percentage(job, weights);
        }
        return new Exhaustive(ids, scores);
    }

    /** {score recall, id recall, score ratio} of a candidates page against the exhaustive ranking, means over jobs. */
    private static double[] quality(CandidateRanker ranker, List<JobProfile> jobs, ResumeVectors vectors,
            Map<String, StoredResume> rows, MatchEngine engine, MatchingProperties properties) {
        double scoreRecall = 0;
        double idRecall = 0;
        double ratio = 0;
        for (JobProfile job : jobs) {
            Exhaustive exhaustive = bruteForce(job, vectors, rows, engine, properties);
            Integer[] order = new Integer[exhaustive.ids.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            // The exhaustive ranking as the API orders: percentage (rounded as results are) desc, then id.
            Arrays.sort(order, (a, b) -> {
                int c = Double.compare(round(exhaustive.scores[b]), round(exhaustive.scores[a]));
                return c != 0 ? c : exhaustive.ids[a].compareTo(exhaustive.ids[b]);
            });
            int n = Math.min(LIMIT, order.length);
            Set<String> best = new HashSet<>();
            double bestSum = 0;
            for (int i = 0; i < n; i++) {
                best.add(exhaustive.ids[order[i]]);
                bestSum += round(exhaustive.scores[order[i]]);
            }
            double cutoff = round(exhaustive.scores[order[n - 1]]);
            List<MatchResult> page = ranker.rank(job, CandidateFilter.NONE, 0, LIMIT).candidates();
            int byScore = 0;
            int byId = 0;
            double gotSum = 0;
            for (MatchResult m : page) {
                gotSum += m.matchPercentage();
                if (m.matchPercentage() >= cutoff - 1e-9) {
                    byScore++;
                }
                if (best.contains(m.resumeId())) {
                    byId++;
                }
            }
            scoreRecall += (double) byScore / n;
            idRecall += (double) byId / n;
            ratio += bestSum == 0 ? 1 : gotSum / bestSum;
        }
        return new double[] {scoreRecall / jobs.size(), idRecall / jobs.size(), ratio / jobs.size()};
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
