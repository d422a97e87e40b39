package com.talentpipeline.scoring.config;

import com.talentpipeline.scoring.career.CareerPredictor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the scoring worker ({@code pipeline.scoring.*}).
 *
 * @param career         career-path prediction
 * @param interview      interview scoring
 */
@ConfigurationProperties(prefix = "pipeline.scoring")
public record ScoringProperties(
        @DefaultValue Career career,
        @DefaultValue Interview interview) {

    /**
     * Career paths; the scoring defaults are fitted on real resumes by the bench's quality section
     * (see README "Career paths").
     *
     * @param temperature         softmax temperature of zero-shot label sets (fitted: minimum NLL)
     * @param fewShotTemperature  softmax temperature of label sets with examples (fitted likewise)
     * @param labelWeight         the label text's weight in a few-shot prototype, counted in examples
     * @param hubWeight           share of a label's hub score subtracted from its scores, zero-shot (0: none)
     * @param fewShotHubWeight    the same for label sets with examples
     * @param hubNeighbours       nearest reference resumes a hub score averages
     * @param lexicalWeight       weight of the TF-IDF cosine next to the embedding cosine, zero-shot (0: none)
     * @param fewShotLexicalWeight the same for label sets with examples
     * @param minReferences       examples of other labels needed to take them as the hub reference
     * @param topK                career paths returned
     * @param maxLabels           most labels in a caller's label set or stored taxonomy
     * @param maxExamples         most example resumes per label
     * @param maxTextChars        longest text (or example) accepted
     */
    public record Career(@DefaultValue("0.04") double temperature, @DefaultValue("0.035") double fewShotTemperature,
            @DefaultValue("8.0") double labelWeight, @DefaultValue("0.5") double hubWeight,
            @DefaultValue("1.0") double fewShotHubWeight, @DefaultValue("10") int hubNeighbours,
            @DefaultValue("1.0") double lexicalWeight, @DefaultValue("0.5") double fewShotLexicalWeight,
            @DefaultValue("40") int minReferences, @DefaultValue("5") int topK,
            @DefaultValue("100") int maxLabels, @DefaultValue("20") int maxExamples,
            @DefaultValue("20000") int maxTextChars) {
        public Career {
            if (temperature <= 0 || fewShotTemperature <= 0) {
                throw new IllegalArgumentException("pipeline.scoring.career.temperature and few-shot-temperature must be positive");
            }
            if (topK < 1) {
                throw new IllegalArgumentException("pipeline.scoring.career.top-k must be at least 1");
            }
        }

        /** The predictor's scoring settings. */
        public CareerPredictor.Settings settings() {
            return new CareerPredictor.Settings(temperature, fewShotTemperature, labelWeight, hubWeight, fewShotHubWeight,
                    hubNeighbours, lexicalWeight, fewShotLexicalWeight, minReferences);
        }
    }

    /**
     * @param softSkills the soft-skills scorer
     * @param technical  the technical scorer
     */
    public record Interview(@DefaultValue Scorer softSkills, @DefaultValue Scorer technical) {
    }

    /** @param enabled whether the scorer runs; a disabled scorer's dimensions are reported missing */
    public record Scorer(@DefaultValue("true") boolean enabled) {
    }
}
