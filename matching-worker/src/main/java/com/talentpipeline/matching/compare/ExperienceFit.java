package com.talentpipeline.matching.compare;

import com.talentpipeline.core.job.ExperienceLevel;

/**
 * How a candidate's years fit a job's level (Entry 0-2, Mid 2-5, Senior 5+): 100 inside the range;
 * below it 30 points per missing year; above it (over-qualified) 8 points per extra year, never
 * under 50.
 */
final class ExperienceFit {

    private ExperienceFit() {
    }

    /** The fit, 0-100. */
    public static double of(double years, ExperienceLevel level) {
        if (years < level.minYears()) {
            return Math.max(0, 100 - 30 * (level.minYears() - years));
        }
        if (years > level.maxYears()) {
            return Math.max(50, 100 - 8 * (years - level.maxYears()));
        }
        return 100;
    }

    /** Years missing to reach the level (0 when reached). */
    public static double missingYears(double years, ExperienceLevel level) {
        return Math.max(0, level.minYears() - years);
    }
}
