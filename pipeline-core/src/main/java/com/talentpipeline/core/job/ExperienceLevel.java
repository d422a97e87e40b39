package com.talentpipeline.core.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** Seniority a job asks for, with the typical years of experience each level implies. */
public enum ExperienceLevel {
    ENTRY("Entry", 0, 2),
    MID("Mid", 2, 5),
    SENIOR("Senior", 5, 40);

    private final String label;
    private final int minYears;
    private final int maxYears;

    ExperienceLevel(String label, int minYears, int maxYears) {
        this.label = label;
        this.minYears = minYears;
        this.maxYears = maxYears;
    }

    @JsonValue
    public String label() {
        return label;
    }

    public int minYears() {
        return minYears;
    }

    public int maxYears() {
        return maxYears;
    }

    /** Parses Entry, Mid or Senior (any case); anything else is refused with the allowed values. */
    @JsonCreator
    public static ExperienceLevel fromLabel(String value) {
        return Arrays.stream(values())
                .filter(l -> l.label.equalsIgnoreCase(value == null ? "" : value.trim()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown experienceLevel '" + value + "', expected one of Entry, Mid, Senior"));
    }
}
