package com.talentpipeline.matching.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.skill.SkillVocabulary;
import com.talentpipeline.matching.compare.JobProfile;
import com.talentpipeline.matching.compare.MatchEngine;
import com.talentpipeline.core.match.MatchResult;
import com.talentpipeline.matching.compare.ProfileEmbedder;
import com.talentpipeline.matching.compare.ResumeProfile;
import com.talentpipeline.matching.compare.SkillEmbeddings;
import com.talentpipeline.matching.compare.SkillMatcher;
import com.talentpipeline.matching.config.MatchingProperties;
import com.talentpipeline.matching.support.Fixtures;
import com.talentpipeline.matching.support.Model;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Batch compare: ranked, limited, with progress up to 100; cache keys follow content and weights. */
class ComparisonsTest {

    private final ProfileEmbedder embedder = new ProfileEmbedder(Model.encoder());
    private final MatchEngine engine = new MatchEngine(new SkillMatcher(SkillVocabulary.defaults(),
            new SkillEmbeddings(Model.encoder()), 0.8));

    @Test
    void batchRanksLimitsAndReportsProgress() {
        ResumeProfile resume = embedder.resume("r", "t", Fixtures.javaBackendResume());
        List<JobProfile> jobs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            jobs.add(embedder.job("nurse-" + i, "t", Fixtures.registeredNurse()));
        }
        jobs.add(embedder.job("java", "t", Fixtures.javaBackendSenior()));
        jobs.add(embedder.job("frontend", "t", Fixtures.frontendDeveloper()));
        List<Integer> progress = new ArrayList<>();
        List<MatchResult> top = new Comparisons(engine, null, MatchingProperties.defaults()).batch(resume, jobs, 3, progress::add);
        assertThat(top).hasSize(3);
        assertThat(top.get(0).jobId()).isEqualTo("java");
        assertThat(top).isSortedAccordingTo(Comparisons.ranking());
        assertThat(progress).isSorted().isNotEmpty().last().isEqualTo(100);
        assertThat(progress).allMatch(p -> p >= 0 && p <= 100);
    }

    @Test
    void cacheKeysChangeWithContentVersionAndWeights() {
        ResumeProfile resume = embedder.resume("r", "t", Fixtures.javaBackendResume());
        JobProfile job = embedder.job("java", "t", Fixtures.javaBackendSenior());
        var weights = MatchingProperties.Weights.DEFAULT;
        var key = Comparisons.key(resume, job, weights);
        assertThat(key.kind()).isEqualTo("comparison");
        assertThat(key.version()).isEqualTo(MatchEngine.VERSION);
        assertThat(Comparisons.key(resume, job, weights)).isEqualTo(key);
        assertThat(Comparisons.key(resume, job, new MatchingProperties.Weights(0.5, 0.5))).isNotEqualTo(key);
        JobProfile changed = new JobProfile(job.jobId(), job.tenantId(), 2, "other-hash", job.facts(), job.skills(),
                job.sections(), job.vector());
        assertThat(Comparisons.key(resume, changed, weights)).isNotEqualTo(key);
    }
}
