package com.talentpipeline.core.score;

import java.util.List;

/**
 * A 0-100 sub-score and the rules that make it up (their points sum to the score).
 *
 * @param score 0-100
 * @param rules the rules, each with its evidence
 */
public record SubScore(int score, List<Rule> rules) {

    /** Sums the rules' points, scaled to 0-100 by their maxima. */
    public static SubScore of(List<Rule> rules) {
        double points = 0;
        double max = 0;
        for (Rule r : rules) {
            points += r.points();
            max += r.max();
        }
        return new SubScore(max == 0 ? 0 : (int) Math.round(100 * points / max), List.copyOf(rules));
    }
}
