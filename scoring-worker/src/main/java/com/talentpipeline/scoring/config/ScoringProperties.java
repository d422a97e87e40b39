package com.talentpipeline.scoring.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the scoring worker ({@code pipeline.scoring.*}).
 *
 * @param career         career-path prediction
 * @param interview      interview scoring
 * @param resultsBaseUrl base of the results API, for the task URL of an accepted interview
 */
@ConfigurationProperties(prefix = "pipeline.scoring")
public record ScoringProperties(
        @DefaultValue Career career,
        @DefaultValue Interview interview,
        @DefaultValue("http://localhost:8081") String resultsBaseUrl) {

    /**
     * @param temperature      softmax temperature on cosine similarities (smaller: more decisive)
     * @param topK             career paths returned
     * @param maxLabels        most labels in a caller's label set or stored taxonomy
     * @param maxExamples      most example resumes per label
     * @param maxTextChars     longest text (or example) accepted
     */
    public record Career(@DefaultValue("0.05") double temperature, @DefaultValue("5") int topK,
            @DefaultValue("100") int maxLabels, @DefaultValue("20") int maxExamples,
            @DefaultValue("20000") int maxTextChars) {
        public Career {
            if (temperature <= 0) {
                throw new IllegalArgumentException("pipeline.scoring.career.temperature must be positive");
            }
            if (topK < 1) {
                throw new IllegalArgumentException("pipeline.scoring.career.top-k must be at least 1");
            }
        }
    }

    /**
     * @param maxTurns   most turns in a transcript (more is 413)
     * @param maxChars   most characters in a transcript (more is 413)
     * @param softSkills the soft-skills scorer
     * @param technical  the technical scorer
     */
    public record Interview(@DefaultValue("200") int maxTurns, @DefaultValue("100000") int maxChars,
            @DefaultValue Scorer softSkills, @DefaultValue Scorer technical) {
    }

    /** @param enabled whether the scorer runs; a disabled scorer's dimensions are reported missing */
    public record Scorer(@DefaultValue("true") boolean enabled) {
    }
}
