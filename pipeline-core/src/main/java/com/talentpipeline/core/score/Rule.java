package com.talentpipeline.core.score;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One rule of a sub-score: the points it gave out of its maximum, and the evidence it saw.
 *
 * @param rule     stable rule name, e.g. {@code contact.phone}
 * @param points   points awarded
 * @param max      points available
 * @param evidence what in the resume earned (or missed) the points
 */
@Schema(name = "ScoreRule")
public record Rule(String rule, double points, double max, String evidence) {

    /** Points are clamped to [0, max] and rounded to one decimal. */
    public Rule {
        points = Math.round(Math.max(0, Math.min(points, max)) * 10) / 10.0;
    }
}
