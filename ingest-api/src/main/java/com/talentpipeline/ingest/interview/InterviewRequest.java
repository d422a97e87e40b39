package com.talentpipeline.ingest.interview;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Body of {@code POST /v1/interviews}.
 *
 * @param interviewId the caller's interview id (letters, digits, {@code -_.:}, at most 200)
 * @param transcript  the turns, in order
 * @param rubric      weights of communication, technical and problem_solving, summing to 1
 * @param jobId       the job the interview was for, optional (its keywords count towards technical)
 */
record InterviewRequest(
        @JsonProperty("interview_id") @JsonAlias("interviewId") String interviewId,
        List<Turn> transcript,
        Rubric rubric,
        String jobId) {

    /** @param speaker {@code interviewer} or {@code candidate}; @param content what was said */
    public record Turn(String speaker, String content) {
    }

    /** Weights; a missing one is null (and invalid). */
    public record Rubric(Double communication, Double technical,
            @JsonProperty("problem_solving") @JsonAlias("problemSolving") Double problemSolving) {
    }
}
