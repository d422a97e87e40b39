package com.talentpipeline.bench.matching;

import com.talentpipeline.core.job.ExperienceLevel;
import com.talentpipeline.core.job.Job;
import com.talentpipeline.core.job.JobStatus;
import com.talentpipeline.core.resume.Resume;
import com.talentpipeline.core.skill.SkillVocabulary;
import com.talentpipeline.inference.config.TextModelProperties;
import com.talentpipeline.inference.text.DjlTextEncoder;
import com.talentpipeline.inference.text.TextEncoder;
import com.talentpipeline.inference.vector.Vectors;
import com.talentpipeline.matching.compare.JobProfile;
import com.talentpipeline.matching.compare.MatchEngine;
import com.talentpipeline.matching.compare.ProfileEmbedder;
import com.talentpipeline.matching.compare.ResumeProfile;
import com.talentpipeline.matching.compare.SkillEmbeddings;
import com.talentpipeline.matching.compare.SkillMatcher;
import com.talentpipeline.matching.config.MatchingProperties;
import com.talentpipeline.matching.index.JobIndex;
import com.talentpipeline.matching.recommend.JobFilter;
import com.talentpipeline.matching.recommend.Recommender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Operator tool: how recommendations scale. Builds a job index of {@code jobs} synthetic-but-realistic
 * jobs and measures recommendation latency (vector top-k of {@code limit * 5} then full comparison of
 * the candidates) against one brute-force full scan (the full comparison of a resume with every job).
 *
 * <p>Where the vectors come from: {@code distinctJobs} job texts (title, level and a skill set drawn
 * from twelve realistic job families, {@link Catalog}) are embedded for real with the bundled
 * all-MiniLM-L6-v2, section by section as the embedding worker does; each of the {@code jobs} jobs
 * reuses one of them (its section vectors unchanged) with its own company, location and remote flag,
 * and its search vector gets small Gaussian noise (sigma 0.01 per dimension, renormalised) so jobs of
 * one text are near, not exact, ties. Resumes (queries) are embedded for real too.
 *
 * <p>Also measures the vector top-k alone both ways the index can score: the Java loop over the
 * contiguous matrix and one PyTorch (DJL) matrix-vector product over its mirror (the default).
 *
 * <p>Run: {@code java -Dai.djl.offline=true -DOPT_OUT_TRACKING=true -cp ... RecommendationBenchmark [jobs] [queries] [seed]}.
 */
public final class RecommendationBenchmark {

    /** Recommendations returned per query, as the API's default. */
    public static final int LIMIT = 20;
    private static final int MAX_DISTINCT_JOBS = 5000;

    private RecommendationBenchmark() {
    }

    /**
     * The measurements.
     *
     * @param jobs                 jobs in the index
     * @param queries              recommendation queries timed
     * @param distinctJobTexts     distinct job texts embedded for real
     * @param embedSeconds         time to embed them and the resumes
     * @param buildSeconds         time to fill the index
     * @param recommendP50Millis   recommendation latency, median
     * @param recommendP99Millis   recommendation latency, 99th percentile
     * @param fullScanMillis       one brute-force full comparison of a resume with every job
     * @param speedup              full scan / recommendation p50
     * @param javaTopKP50Millis    vector top-k (k = 100) alone, Java scan, median
     * @param torchTopKP50Millis   the same scored on PyTorch (matmul), median; -1 if the engine is unavailable
     * @param candidateRecall      share of the recommendations scoring at least the full scan's 20th best (mean)
     * @param scoreRatio           mean match % of the recommendations / mean match % of the full scan's top 20
     */
    public record Report(int jobs, int queries, int distinctJobTexts, double embedSeconds, double buildSeconds,
            double recommendP50Millis, double recommendP99Millis, double fullScanMillis, double speedup,
            double javaTopKP50Millis, double torchTopKP50Millis, double candidateRecall, double scoreRatio) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, """
                    RecommendationBenchmark: %d jobs (%d distinct job texts embedded with all-MiniLM-L6-v2), %d queries
                      embedding: %.1f s, index build: %.1f s
                      recommendation (top-%d of %d candidates, full rerank): p50 %.2f ms, p99 %.2f ms
                      brute-force full scan (full comparison with every job): %.1f ms  -> %.0fx the p50
                      vector top-k alone (k=100): Java loop p50 %.2f ms, PyTorch matmul p50 %.2f ms
                      recall of the full scan's top %d: %.3f, score ratio %.3f""",
                    jobs, distinctJobTexts, queries, embedSeconds, buildSeconds, LIMIT, LIMIT * 5, recommendP50Millis,
                    recommendP99Millis, fullScanMillis, speedup, javaTopKP50Millis, torchTopKP50Millis, LIMIT, candidateRecall, scoreRatio);
        }
    }

    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
        System.out.println(run(jobs, queries, seed));
    }

    /** Builds the index and measures; loads the bundled text model (a few seconds). */
    public static Report run(int jobs, int queries, long seed) {
        System.setProperty("ai.djl.offline", "true");
        try (TextEncoder encoder = DjlTextEncoder.load(new TextModelProperties(), new SimpleMeterRegistry())) {
            return run(encoder, jobs, queries, seed);
        }
    }

    /** As {@link #run(int, int, long)} with a given encoder. */
    public static Report run(TextEncoder encoder, int jobs, int queries, long seed) {
        Random random = new Random(seed);
        ProfileEmbedder embedder = new ProfileEmbedder(encoder);
        MatchingProperties properties = MatchingProperties.defaults();
        MatchEngine engine = new MatchEngine(new SkillMatcher(SkillVocabulary.defaults(), new SkillEmbeddings(encoder),
                properties.skillThreshold()));

        long t0 = System.nanoTime();
        int distinct = Math.min(Math.max(1, Math.min(jobs, Math.max(jobs / 20, 100))), MAX_DISTINCT_JOBS);
        List<Job> templates = new ArrayList<>();
        for (int i = 0; i < distinct; i++) {
            templates.add(templateJob(random));
        }
        List<Map<String, float[]>> sections = embedder.jobSections(templates);
        List<ResumeProfile> resumes = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            resumes.add(embedder.resume("resume-" + i, "bench", resume(random, i)));
        }
        double embedSeconds = (System.nanoTime() - t0) / 1e9;

        long t1 = System.nanoTime();
        JobIndex index = new JobIndex(encoder.info().dimension(), JobIndex.Scoring.PYTORCH);
        for (int i = 0; i < jobs; i++) {
            int t = random.nextInt(distinct);
            Job template = templates.get(t);
            Job job = new Job(template.title(), pick(Catalog.COMPANIES, random) + " " + (i % 997),
                    pick(Catalog.LOCATIONS, random), template.experienceLevel(), JobStatus.ACTIVE, template.skills(),
                    template.requirements(), template.description(), random.nextInt(4) == 0);
            JobProfile base = ProfileEmbedder.job("job-" + i, "bench", job, sections.get(t));
            index.upsert(new JobProfile(base.jobId(), base.tenantId(), 1, base.contentHash(), base.facts(), base.skills(),
                    base.sections(), noisy(base.vector(), random)));
        }
        double buildSeconds = (System.nanoTime() - t1) / 1e9;

        Recommender recommender = new Recommender(index, engine, properties);
        // Warm-up: JIT, and every distinct skill name embedded once (as a long-running worker has).
        for (ResumeProfile r : resumes) {
            recommender.recommend(r, LIMIT, JobFilter.NONE);
        }
        recommender.fullScan(resumes.get(0));

        double[] latencies = new double[queries];
        for (int q = 0; q < queries; q++) {
            ResumeProfile r = resumes.get(q % resumes.size());
            long s = System.nanoTime();
            recommender.recommend(r, LIMIT, JobFilter.NONE);
            latencies[q] = (System.nanoTime() - s) / 1e6;
        }
        // One brute-force scan, measured alone (nothing else running).
        ResumeProfile scanned = resumes.get(1);
        long s = System.nanoTime();
        double[] all = recommender.fullScan(scanned);
        double fullScanMillis = (System.nanoTime() - s) / 1e6;
        double[] quality = quality(recommender, index, resumes.subList(0, 6), engine, properties);

        double javaTopK = topKMillis(index, JobIndex.Scoring.JAVA, resumes, Math.max(queries, 20));
        double torch = index.scoring() == JobIndex.Scoring.PYTORCH
                ? topKMillis(index, JobIndex.Scoring.PYTORCH, resumes, Math.max(queries, 20)) : -1;
        index.close();
        double p50 = percentile(latencies, 50);
        if (all.length != jobs) {
            throw new IllegalStateException("full scan covered " + all.length + " of " + jobs + " jobs");
        }
        return new Report(jobs, queries, distinct, embedSeconds, buildSeconds, p50, percentile(latencies, 99),
                fullScanMillis, fullScanMillis / p50, javaTopK, torch, quality[0], quality[1]);
    }

    /**
     * {recall, score ratio} against the exhaustive ranking: the share of recommendations scoring at least
     * the exhaustive 20th best (ties count), and their mean score over the exhaustive top 20's mean.
     */
    private static double[] quality(Recommender recommender, JobIndex index, List<ResumeProfile> resumes, MatchEngine engine,
            MatchingProperties properties) {
        double sum = 0;
        double ratio = 0;
        for (ResumeProfile r : resumes) {
            var session = engine.session(r);
            var weights = properties.weightsOf(r.tenantId());
            List<JobProfile> jobs = index.all(r.tenantId(), j -> true);
            double[] scores = new double[jobs.size()];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = session.percentage(jobs.get(i), weights);
            }
            double[] sorted = scores.clone();
            Arrays.sort(sorted);
            double cutoff = sorted[sorted.length - LIMIT];
            var got = recommender.recommend(r, LIMIT, JobFilter.NONE);
            int hits = 0;
            double gotSum = 0;
            for (var m : got) {
                gotSum += m.matchPercentage();
                if (m.matchPercentage() >= Math.round(cutoff * 10) / 10.0 - 1e-9) {
                    hits++;
                }
            }
            double bestSum = 0;
            for (int i = sorted.length - LIMIT; i < sorted.length; i++) {
                bestSum += sorted[i];
            }
            sum += (double) hits / LIMIT;
            ratio += bestSum == 0 ? 1 : gotSum / bestSum;
        }
        return new double[] {sum / resumes.size(), ratio / resumes.size()};
    }

    /** Median time of the vector top-k alone (k = 5 * LIMIT) with one scoring, after a warm-up. */
    private static double topKMillis(JobIndex index, JobIndex.Scoring scoring, List<ResumeProfile> resumes, int runs) {
        double[] times = new double[runs];
        for (int q = -10; q < runs; q++) {
            float[] v = resumes.get(Math.floorMod(q, resumes.size())).queryVector();
            long a = System.nanoTime();
            index.topK(scoring, "bench", v, LIMIT * 5, JobFilter.NONE);
            if (q >= 0) {
                times[q] = (System.nanoTime() - a) / 1e6;
            }
        }
        return percentile(times, 50);
    }

    static Job templateJob(Random random) {
        Catalog.Family family = pick(Catalog.FAMILIES, random);
        ExperienceLevel level = ExperienceLevel.values()[random.nextInt(3)];
        String title = pick(family.titles(), random);
        if (level == ExperienceLevel.SENIOR) {
            title = "Senior " + title;
        } else if (level == ExperienceLevel.ENTRY) {
            title = "Junior " + title;
        }
        List<String> skills = new ArrayList<>(family.skills());
        java.util.Collections.shuffle(skills, random);
        List<Job.JobSkill> chosen = skills.subList(0, 4 + random.nextInt(3)).stream().map(Job.JobSkill::new).toList();
        List<String> duties = new ArrayList<>(family.duties());
        java.util.Collections.shuffle(duties, random);
        String description = title + ": " + duties.get(0).toLowerCase(Locale.ROOT) + " using "
                + chosen.get(0).name() + " and " + chosen.get(1).name() + ".";
        return new Job(title, "Template", null, level, JobStatus.ACTIVE, chosen,
                List.of(duties.get(0), level.minYears() + "+ years of experience"), description, false);
    }

    static Resume resume(Random random, int i) {
        Catalog.Family family = Catalog.FAMILIES.get(i % Catalog.FAMILIES.size());
        List<String> skills = new ArrayList<>(family.skills());
        java.util.Collections.shuffle(skills, random);
        int years = 1 + random.nextInt(12);
        String title = pick(family.titles(), random);
        return new Resume("Bench", "Candidate", "bench" + i + "@example.com", null,
                title + " with " + years + " years of experience in " + skills.get(0) + " and " + skills.get(1) + ".",
                skills.subList(0, 5).stream().map(s -> new Resume.Skill(s, null)).toList(),
                List.of(new Resume.WorkExperience(title, pick(Catalog.COMPANIES, random), (2025 - years) + "-01", "present",
                        List.of(family.duties().get(0), "Worked with " + skills.get(2)))),
                List.of(), List.of());
    }

    private static float[] noisy(float[] v, Random random) {
        float[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += (float) (random.nextGaussian() * 0.01);
        }
        return Vectors.normaliseInPlace(out);
    }

    static <T> T pick(List<T> list, Random random) {
        return list.get(random.nextInt(list.size()));
    }

    static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
