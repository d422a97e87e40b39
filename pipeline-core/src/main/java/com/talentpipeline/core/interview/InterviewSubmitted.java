package com.talentpipeline.core.interview;

import java.util.List;

/**
 * Payload of {@code interview.submitted}: a validated transcript to score against a rubric.
 *
 * @param interviewId the caller's interview id (also the record key)
 * @param transcript  the turns in order
 * @param rubric      weights of the rubric's dimensions, summing to 1
 * @param jobId       the job the interview was for, may be null
 */
public record InterviewSubmitted(String interviewId, List<Turn> transcript, Rubric rubric, String jobId) {

    public InterviewSubmitted {
        transcript = transcript == null ? List.of() : List.copyOf(transcript);
    }

    /**
     * One turn.
     *
     * @param speaker {@code interviewer} or {@code candidate}
     * @param content what was said
     */
    public record Turn(String speaker, String content) {
    }

    /**
     * Rubric weights, each 0-1, summing to 1.
     *
     * @param communication  weight of communication
     * @param technical      weight of technical depth
     * @param problemSolving weight of problem solving
     */
    public record Rubric(double communication, double technical,
            @com.fasterxml.jackson.annotation.JsonProperty("problem_solving") double problemSolving) {
    }
}
