package com.talentpipeline.matching.candidates;

import com.talentpipeline.matching.compare.JobProfile;
import com.talentpipeline.matching.compare.MatchEngine;
import com.talentpipeline.core.match.MatchResult;
import com.talentpipeline.matching.compare.ResumeProfile;
import com.talentpipeline.matching.config.MatchingProperties;
import com.talentpipeline.matching.index.ResumeVectors;
import com.talentpipeline.matching.recommend.Profiles;
import com.talentpipeline.matching.store.StoredResume;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tenant's best resumes for a job: a vector top-k over the tenant's resume vectors ({@code k = (offset +
 * limit) * candidateFactor}) narrows all resumes to candidates, their stored rows are read in one query,
 * and the full comparison (the one of {@code POST /v1/matches}) ranks them. A candidate is listed only
 * when its stored row exists (an erased resume has none) and is the version of the indexed embeddings
 * (the latest version only: a resume updated a moment ago reappears once its new version is embedded).
 * When the filters reject candidates, k doubles up to {@code maxScan}. Blocking: worker threads only.
 */
public final class CandidateRanker {

    private final ResumeVectors resumes;
    private final ResumeRows rows;
    private final MatchEngine engine;
    private final MatchingProperties properties;

    public CandidateRanker(ResumeVectors resumes, ResumeRows rows, MatchEngine engine, MatchingProperties properties) {
        this.resumes = resumes;
        this.rows = rows;
        this.engine = engine;
        this.properties = properties;
    }

    /**
     * One page of the ranking.
     *
     * @param candidates the page, best first
     * @param more       whether ranked resumes follow this page
     * @param compared   resumes compared in full to answer
     */
    public record Page(List<MatchResult> candidates, boolean more, int compared) {
    }

    /** Resumes {@code [offset, offset + limit)} of the ranking of the job's tenant's resumes. */
    public Page rank(JobProfile job, CandidateFilter filter, int offset, int limit) {
        MatchingProperties.Candidates settings = properties.candidates();
        MatchingProperties.Weights weights = properties.weightsOf(job.tenantId());
        int depth = offset + limit;
        int k = Math.min(Math.max(depth + 1, depth * settings.candidateFactor()), Math.max(settings.maxScan(), depth + 1));
        Map<String, MatchResult> compared = new HashMap<>();
        Map<String, Boolean> rejected = new HashMap<>();
        while (true) {
            List<ResumeVectors.Hit> hits = resumes.topK(job.tenantId(), job.vector(), k);
            List<String> unseen = new ArrayList<>();
            for (ResumeVectors.Hit hit : hits) {
                String id = hit.entry().embeddings().resumeId();
                if (!compared.containsKey(id) && !rejected.containsKey(id)) {
                    unseen.add(id);
                }
            }
            Map<String, StoredResume> stored = unseen.isEmpty() ? Map.of() : rows.find(job.tenantId(), unseen);
            for (ResumeVectors.Hit hit : hits) {
                String id = hit.entry().embeddings().resumeId();
                if (compared.containsKey(id) || rejected.containsKey(id)) {
                    continue;
                }
                MatchResult result = compare(job, hit.entry(), stored.get(id), filter, weights);
                if (result == null) {
                    rejected.put(id, Boolean.TRUE);
                } else {
                    compared.put(id, result);
                }
            }
            boolean exhausted = hits.size() < k || k >= settings.maxScan();
            if (countPassing(compared, filter) > depth || exhausted) {
                break;
            }
            k = Math.min(k * 2, settings.maxScan());
        }
        List<MatchResult> ranked = new ArrayList<>();
        for (MatchResult r : compared.values()) {
            if (filter.accepts(r)) {
                ranked.add(r);
            }
        }
        ranked.sort(ranking());
        int from = Math.min(offset, ranked.size());
        int to = Math.min(depth, ranked.size());
        return new Page(List.copyOf(ranked.subList(from, to)), ranked.size() > depth, compared.size() + rejected.size());
    }

    private MatchResult compare(JobProfile job, ResumeVectors.Entry entry, StoredResume row, CandidateFilter filter,
            MatchingProperties.Weights weights) {
        if (row == null || !row.document().tenantId().equals(job.tenantId())
                || row.document().version() != entry.embeddings().version() || !filter.accepts(row)) {
            return null;
        }
        ResumeProfile profile = Profiles.of(row.document(), entry.embeddings());
        return engine.session(profile).compare(job, weights);
    }

    private static int countPassing(Map<String, MatchResult> compared, CandidateFilter filter) {
        int n = 0;
        for (MatchResult r : compared.values()) {
            if (filter.accepts(r)) {
                n++;
            }
        }
        return n;
    }

    /** Best match percentage first, then resume id (a stable order across pages). */
    public static Comparator<MatchResult> ranking() {
        return Comparator.comparingDouble(MatchResult::matchPercentage).reversed().thenComparing(MatchResult::resumeId);
    }
}
