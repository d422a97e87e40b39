package com.talentpipeline.scoring.config;

import com.talentpipeline.core.skill.SkillVocabulary;
import com.talentpipeline.inference.registry.ResultVersion;
import com.talentpipeline.inference.text.TextEncoder;
import com.talentpipeline.scoring.career.CareerPredictor;
import com.talentpipeline.scoring.career.StudentCareers;
import com.talentpipeline.scoring.interview.DimensionScorer;
import com.talentpipeline.scoring.interview.InterviewScorer;
import com.talentpipeline.scoring.interview.SoftSkillsScorer;
import com.talentpipeline.scoring.interview.TechnicalScorer;
import com.talentpipeline.scoring.resume.AtsScorer;
import com.talentpipeline.scoring.resume.JobKeywords;
import com.talentpipeline.scoring.resume.ResumeScorer;
import com.talentpipeline.scoring.worker.ResumeScoring;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scorers as beans and one health indicator per interview scorer. The Kafka error policy is the
 * consume kit's (pipeline-core): bad records follow their topic's policy, infrastructure failures are
 * retried with back-off until they succeed.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScoringProperties.class)
class ScoringConfiguration {

    @Bean
    JobKeywords jobKeywords() {
        return new JobKeywords(SkillVocabulary.defaults());
    }

    @Bean
    CareerPredictor careerPredictor(TextEncoder encoder, ScoringProperties properties) {
        CareerPredictor predictor = new CareerPredictor(encoder, properties.career().settings());
        predictor.builtIn(); // embed the taxonomy at start-up, not on the first resume
        return predictor;
    }

    @Bean
    StudentCareers studentCareers(CareerPredictor predictor) {
        return new StudentCareers(predictor);
    }

    @Bean
    ResumeScorer resumeScorer(JobKeywords keywords, CareerPredictor predictor, ScoringProperties properties) {
        return new ResumeScorer(new AtsScorer(keywords), predictor, properties.career().topK());
    }

    /**
     * Announces the resume scorer's version (rules and model) on {@code model.registry} with the loaded
     * models: the ingest API answers a resubmitted resume at once only while every live scoring worker
     * scores with the version its known score was computed with.
     */
    @Bean
    ResultVersion resumeScoreVersion(ResumeScorer scorer) {
        return new ResultVersion(ResumeScoring.CACHE_KIND, scorer::version);
    }

    @Bean
    SoftSkillsScorer softSkillsScorer(ScoringProperties properties) {
        return new SoftSkillsScorer(properties.interview().softSkills().enabled());
    }

    @Bean
    TechnicalScorer technicalScorer(ScoringProperties properties) {
        return new TechnicalScorer(SkillVocabulary.defaults(), properties.interview().technical().enabled());
    }

    @Bean
    InterviewScorer interviewScorer(SoftSkillsScorer softSkills, TechnicalScorer technical, TextEncoder encoder,
            MeterRegistry meters) {
        return new InterviewScorer(List.of(softSkills, technical), encoder, meters);
    }

    @Bean
    HealthIndicator softSkillsScorerHealthIndicator(InterviewScorer scorer, SoftSkillsScorer softSkills) {
        return () -> health(scorer, softSkills);
    }

    @Bean
    HealthIndicator technicalScorerHealthIndicator(InterviewScorer scorer, TechnicalScorer technical) {
        return () -> health(scorer, technical);
    }

    /**
     * UP when it can run and its last run succeeded; DOWN when its model is not loaded or its last run
     * failed; UNKNOWN when switched off (so a deliberate switch-off does not fail the service's health).
     */
    static Health health(InterviewScorer scorer, DimensionScorer one) {
        String unavailable = scorer.availability(one);
        String failure = scorer.lastFailure(one.name());
        Health.Builder builder = !one.enabled() ? Health.unknown()
                : unavailable != null || failure != null ? Health.down() : Health.up();
        return builder.withDetail("scorer", one.name()).withDetail("enabled", one.enabled())
                .withDetail("dimensions", one.dimensions())
                .withDetail("reason", unavailable != null ? unavailable : failure != null ? failure : "")
                .build();
    }
}
