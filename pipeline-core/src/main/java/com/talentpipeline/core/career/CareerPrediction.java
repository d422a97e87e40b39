package com.talentpipeline.core.career;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One predicted career path of a {@link CareerPaths} answer.
 *
 * @param id         the path's id
 * @param careerPath the path's name
 * @param confidence softmax probability over every label of the set, 0-1
 * @param similarity cosine between the input and the label's prototype
 * @param because    the inputs that point to it most (student variant), else empty
 */
public record CareerPrediction(String id, @JsonProperty("career_path") String careerPath, double confidence,
        double similarity, List<String> because) {
}
