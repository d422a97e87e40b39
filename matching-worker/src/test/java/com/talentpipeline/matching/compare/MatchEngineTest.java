package com.talentpipeline.matching.compare;

import com.talentpipeline.core.match.MatchResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.talentpipeline.core.job.ExperienceLevel;
import com.talentpipeline.core.skill.SkillVocabulary;
import com.talentpipeline.inference.vector.Vectors;
import com.talentpipeline.matching.config.MatchingProperties.Weights;
import com.talentpipeline.matching.support.Fixtures;
import com.talentpipeline.matching.support.Model;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The comparison with the real model: ranking sanity, the seed's formula, levels and advice. */
class MatchEngineTest {

    static ProfileEmbedder embedder;
    static MatchEngine engine;

    @BeforeAll
    static void load() {
        embedder = new ProfileEmbedder(Model.encoder());
        engine = new MatchEngine(new SkillMatcher(SkillVocabulary.defaults(), new SkillEmbeddings(Model.encoder()), 0.8));
    }

    @Test
    void javaBackendResumeRanksJavaBackendJobsAboveNursingJobs() {
        ResumeProfile resume = embedder.resume("r1", "t", Fixtures.javaBackendResume());
        List<JobProfile> jobs = List.of(
                embedder.job("nurse", "t", Fixtures.registeredNurse()),
                embedder.job("java-senior", "t", Fixtures.javaBackendSenior()),
                embedder.job("icu", "t", Fixtures.icuNurse()),
                embedder.job("java-mid", "t", Fixtures.javaBackendMid()));
        var session = engine.session(resume);
        List<MatchResult> ranked = jobs.stream().map(j -> session.compare(j, Weights.DEFAULT))
                .sorted(Comparator.comparingDouble(MatchResult::matchPercentage).reversed()).toList();
        assertThat(ranked.subList(0, 2)).extracting(MatchResult::jobId).containsExactlyInAnyOrder("java-senior", "java-mid");
        assertThat(ranked.subList(2, 4)).extracting(MatchResult::jobId).containsExactlyInAnyOrder("nurse", "icu");
        MatchResult best = ranked.get(0);
        assertThat(best.jobId()).isEqualTo("java-senior");
        assertThat(best.recommendationLevel()).isEqualTo("Excellent");
        assertThat(ranked.get(3).recommendationLevel()).isEqualTo("Poor");
        // And the vector search agrees before any rerank.
        float[] q = resume.queryVector();
        assertThat(Vectors.dot(q, jobs.get(1).vector())).isGreaterThan(Vectors.dot(q, jobs.get(0).vector()) + 0.1f);
    }

    @Test
    void resultFollowsTheSeedsFormulaAndExplainsItself() {
        ResumeProfile resume = embedder.resume("r1", "t", Fixtures.javaBackendResume());
        MatchResult r = engine.session(resume).compare(embedder.job("java-senior", "t", Fixtures.javaBackendSenior()),
                Weights.DEFAULT);
        // Java, Spring Boot, Postgres~PostgreSQL, Kafka, Docker, k8s~Kubernetes: all six.
        assertThat(r.matchedSkills()).containsExactly("Java", "Spring Boot", "PostgreSQL", "Kafka", "Docker", "Kubernetes");
        assertThat(r.missingSkills()).isEmpty();
        assertThat(r.breakdown().skillsMatch()).isEqualTo(100.0);
        assertThat(r.matchPercentage()).isCloseTo(0.65 * r.breakdown().skillsMatch() + 0.35 * r.breakdown().experienceMatch(),
                within(0.11));
        assertThat(r.breakdown().requirementsMatch()).isNotNull().isBetween(0.0, 100.0);
        assertThat(r.jobTitle()).isEqualTo("Senior Java Backend Engineer");
        assertThat(r.company()).isEqualTo("Acme Senior");
        assertThat(r.strengths()).anyMatch(s -> s.startsWith("Has 6 of 6 required skills"));
        assertThat(r.matcherVersion()).isEqualTo(MatchEngine.VERSION);
    }

    @Test
    void experienceYearsAgainstTheLevelMatterNotOnlyTheTitle() {
        ResumeProfile junior = embedder.resume("j", "t", Fixtures.juniorFrontendResume());
        var session = engine.session(junior);
        var mid = Fixtures.frontendDeveloper();
        var senior = new com.talentpipeline.core.job.Job("Frontend Developer", mid.company(), mid.location(),
                ExperienceLevel.SENIOR, mid.status(), mid.skills(), mid.requirements(), mid.description(), mid.remote());
        MatchResult atMid = session.compare(embedder.job("mid", "t", mid), Weights.DEFAULT);
        MatchResult atSenior = session.compare(embedder.job("senior", "t", senior), Weights.DEFAULT);
        assertThat(atSenior.breakdown().experienceMatch()).isLessThan(atMid.breakdown().experienceMatch() - 20);
        assertThat(atSenior.improvements()).anyMatch(s -> s.contains("more years of experience expected for a Senior role"));
        // JS~JavaScript and React.js~React, but no TypeScript or CSS.
        assertThat(atMid.matchedSkills()).containsExactly("JavaScript", "React");
        assertThat(atMid.missingSkills()).containsExactly("TypeScript", "CSS");
    }

    @Test
    void tenantWeightsChangeThePercentage() {
        ResumeProfile resume = embedder.resume("r1", "t", Fixtures.javaBackendResume());
        JobProfile job = embedder.job("java-mid", "t", Fixtures.javaBackendMid());
        var session = engine.session(resume);
        MatchResult skillsOnly = session.compare(job, new Weights(1.0, 0.0));
        MatchResult experienceOnly = session.compare(job, new Weights(0.0, 1.0));
        assertThat(skillsOnly.matchPercentage()).isEqualTo(skillsOnly.breakdown().skillsMatch());
        assertThat(experienceOnly.matchPercentage()).isEqualTo(experienceOnly.breakdown().experienceMatch());
    }

    @Test
    void levelsAndExperienceFitFollowTheDocumentedThresholds() {
        assertThat(RecommendationLevel.of(80).label()).isEqualTo("Excellent");
        assertThat(RecommendationLevel.of(79.9).label()).isEqualTo("Good Match");
        assertThat(RecommendationLevel.of(65).label()).isEqualTo("Good Match");
        assertThat(RecommendationLevel.of(50).label()).isEqualTo("Fair");
        assertThat(RecommendationLevel.of(49.9).label()).isEqualTo("Poor");
        assertThat(ExperienceFit.of(6, ExperienceLevel.SENIOR)).isEqualTo(100);
        assertThat(ExperienceFit.of(3, ExperienceLevel.SENIOR)).isEqualTo(40);
        assertThat(ExperienceFit.of(1, ExperienceLevel.ENTRY)).isEqualTo(100);
        assertThat(ExperienceFit.of(12, ExperienceLevel.ENTRY)).isEqualTo(50);
    }
}
