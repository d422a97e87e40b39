package com.talentpipeline.scoring.interview;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The scored interview.
 *
 * @param interviewId   the interview
 * @param overallScore  0-100 over the rubric dimensions present (weights renormalised), null if none is
 * @param complete      whether every rubric dimension was scored
 * @param rubric        the rubric weights as submitted
 * @param appliedWeights the weights used for {@code overallScore} after leaving out missing dimensions
 * @param dimensions    every dimension scored, by name ({@code culture} is reported, not weighted: the rubric has no weight for it)
 * @param relevance     each question and the relevance of the candidate's answer to it
 * @param missing       the scorers whose dimensions are missing, and why
 * @param scorerVersion version of the interview scoring rules
 */
public record InterviewResult(
        @JsonProperty("interview_id") String interviewId,
        @JsonProperty("overall_score") Integer overallScore,
        boolean complete,
        Map<String, Double> rubric,
        @JsonProperty("applied_weights") Map<String, Double> appliedWeights,
        Map<String, DimensionScore> dimensions,
        List<QuestionRelevance> relevance,
        List<Missing> missing,
        @JsonProperty("scorer_version") String scorerVersion) {

    /**
     * @param question  the interviewer's question
     * @param relevance cosine between its embedding and the candidate's answer's
     */
    public record QuestionRelevance(String question, double relevance) {
    }

    /**
     * @param scorer the scorer
     * @param reason {@code disabled}, {@code down: ...} or {@code failed: ...}
     * @param dimensions the dimensions left out
     */
    public record Missing(String scorer, String reason, List<String> dimensions) {
    }
}
