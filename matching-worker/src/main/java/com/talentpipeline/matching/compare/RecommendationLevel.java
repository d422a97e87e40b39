package com.talentpipeline.matching.compare;

/**
 * The seed's verdict on a match percentage: Excellent from 80, Good Match from 65, Fair from 50,
 * Poor below.
 */
enum RecommendationLevel {
    EXCELLENT("Excellent", 80), GOOD("Good Match", 65), FAIR("Fair", 50), POOR("Poor", 0);

    private final String label;
    private final double from;

    RecommendationLevel(String label, double from) {
        this.label = label;
        this.from = from;
    }

    public String label() {
        return label;
    }

    /** The level of a percentage (0-100). */
    public static RecommendationLevel of(double percentage) {
        for (RecommendationLevel level : values()) {
            if (percentage >= level.from) {
                return level;
            }
        }
        return POOR;
    }
}
