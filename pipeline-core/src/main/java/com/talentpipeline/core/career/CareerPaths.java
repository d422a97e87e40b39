package com.talentpipeline.core.career;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The answer of {@code POST /v1/career-paths/predict} (and the result of a {@code career_path.predict}
 * task), with the snake_case keys clients read today. The scoring worker builds its reply with this record,
 * so the front door's OpenAPI document shows what the wire carries.
 *
 * @param input          {@code resume}, {@code text} or {@code student}
 * @param labelSet       {@code builtin}, {@code request} or the stored taxonomy's id
 * @param mode           {@code zero-shot}, {@code few-shot} or {@code mixed}
 * @param labels         how many labels were scored
 * @param careerPaths    the top paths, best first
 * @param careerPath     the best path, or null
 * @param confidence     its confidence, 0 without a path
 * @param temperature    the label set's softmax temperature
 * @param model          the text model
 * @param studentProfile the text a student's grades and interests became, for a student
 */
public record CareerPaths(String input, @JsonProperty("label_set") String labelSet, String mode, int labels,
        @JsonProperty("career_paths") List<CareerPrediction> careerPaths,
        @JsonProperty("career_path") String careerPath, double confidence, double temperature, String model,
        @JsonProperty("student_profile") @JsonInclude(JsonInclude.Include.NON_NULL) String studentProfile) {
}
