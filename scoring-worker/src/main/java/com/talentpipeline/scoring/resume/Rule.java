package com.talentpipeline.scoring.resume;

/**
 * One rule of a sub-score: the points it gave out of its maximum, and the evidence it saw.
 *
 * @param rule     stable rule name, e.g. {@code contact.phone}
 * @param points   points awarded
 * @param max      points available
 * @param evidence what in the resume earned (or missed) the points
 */
public record Rule(String rule, double points, double max, String evidence) {

    public Rule {
        points = Math.round(Math.max(0, Math.min(points, max)) * 10) / 10.0;
    }
}
