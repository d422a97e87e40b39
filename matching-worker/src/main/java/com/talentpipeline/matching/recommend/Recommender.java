package com.talentpipeline.matching.recommend;

import com.talentpipeline.matching.compare.MatchEngine;
import com.talentpipeline.core.match.MatchResult;
import com.talentpipeline.matching.compare.ResumeProfile;
import com.talentpipeline.matching.config.MatchingProperties;
import com.talentpipeline.matching.index.JobIndex;
import com.talentpipeline.matching.index.Scored;
import java.util.ArrayList;
import java.util.List;

/**
 * The best active jobs of the resume's tenant: a vector top-k over the job index ({@code k = limit *
 * candidateFactor}, filters applied inside the scan) narrows all jobs to candidates, then the full
 * comparison ranks them. Pure computation, no I/O; thread-safe.
 */
public final class Recommender {

    private final JobIndex index;
    private final MatchEngine engine;
    private final MatchingProperties properties;

    public Recommender(JobIndex index, MatchEngine engine, MatchingProperties properties) {
        this.index = index;
        this.engine = engine;
        this.properties = properties;
    }

    /** Up to {@code limit} jobs, best match first. */
    public List<MatchResult> recommend(ResumeProfile resume, int limit, JobFilter filter) {
        int k = Math.max(limit, limit * properties.recommendations().candidateFactor());
        List<Scored> candidates = index.topK(resume.tenantId(), resume.queryVector(), k, filter);
        MatchEngine.Session session = engine.session(resume);
        MatchingProperties.Weights weights = properties.weightsOf(resume.tenantId());
        List<MatchResult> results = new ArrayList<>(candidates.size());
        for (Scored candidate : candidates) {
            results.add(session.compare(candidate.job(), weights));
        }
        results.sort(Comparisons.ranking());
        return List.copyOf(results.subList(0, Math.min(limit, results.size())));
    }

    /** Every active job of the tenant compared in full (the brute-force reference of the benchmark). */
    public double[] fullScan(ResumeProfile resume) {
        MatchEngine.Session session = engine.session(resume);
        MatchingProperties.Weights weights = properties.weightsOf(resume.tenantId());
        var jobs = index.all(resume.tenantId(), j -> true);
        double[] percentages = new double[jobs.size()];
        for (int i = 0; i < percentages.length; i++) {
            percentages[i] = session.percentage(jobs.get(i), weights);
        }
        return percentages;
    }
}
