package com.talentpipeline.core.score;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.talentpipeline.core.career.CareerPrediction;
import java.util.List;
import java.util.Map;

/**
 * The full score of one resume version: quality, ATS and career paths. The scoring worker stores it as the
 * {@code resume.score} task result (snake_case keys, Kafka included) and serves it, with the task id, as
 * {@link ScoredResume}.
 *
 * @param resumeId             the resume
 * @param version              its version
 * @param scorerVersion        the scorer's version (with the text model's; part of the cache key)
 * @param overallScore         0-100
 * @param grade                A+ .. F
 * @param weights              weight of each sub-score in {@code overallScore}
 * @param breakdown            sub-scores with their rules and evidence
 * @param totalExperienceYears union of the roles' date ranges
 * @param strengths            what scored well
 * @param improvements         what scored badly
 * @param recommendations      what to change
 * @param atsScore             0-100
 * @param ats                  the ATS factors (and keywords when scored against a job)
 * @param careerPaths          top 5 career paths, confidences summing to at most 1
 * @param model                the text model used for career paths
 */
public record ResumeScore(
        @JsonProperty("resume_id") String resumeId,
        int version,
        @JsonProperty("scorer_version") String scorerVersion,
        @JsonProperty("overall_score") int overallScore,
        String grade,
        Map<String, Double> weights,
        Map<String, SubScore> breakdown,
        @JsonProperty("total_experience_years") double totalExperienceYears,
        List<String> strengths,
        List<String> improvements,
        List<String> recommendations,
        @JsonProperty("ats_score") int atsScore,
        AtsScore ats,
        @JsonProperty("career_paths") List<CareerPrediction> careerPaths,
        String model) {

    /** The same score for another resume id and version with the same content (a cache hit). */
    public ResumeScore forSubject(String otherResumeId, int otherVersion) {
        return new ResumeScore(otherResumeId, otherVersion, scorerVersion, overallScore, grade, weights, breakdown,
                totalExperienceYears, strengths, improvements, recommendations, atsScore, ats, careerPaths, model);
    }

    /** The same score with the ATS part recomputed against a job. */
    public ResumeScore withAts(AtsScore jobAts) {
        return new ResumeScore(resumeId, version, scorerVersion, overallScore, grade, weights, breakdown,
                totalExperienceYears, strengths, improvements, recommendations, jobAts.atsScore(), jobAts, careerPaths, model);
    }
}
