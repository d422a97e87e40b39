package com.talentpipeline.scoring.interview;

import java.util.List;

/**
 * One rubric dimension's score.
 *
 * @param dimension {@code communication}, {@code culture}, {@code technical} or {@code problem_solving}
 * @param scorer    the scorer that produced it
 * @param score     0-100
 * @param signals   the measured signals and how they were weighted
 * @param evidence  quotes from the candidate's turns that carried the score
 */
record DimensionScore(String dimension, String scorer, int score, List<String> signals, List<String> evidence) {
}
