package com.talentpipeline.scoring.web;

import java.util.List;
import java.util.Map;

/** Bodies of the career-path endpoints. */
public final class CareerRequests {

    private CareerRequests() {
    }

    /**
     * {@code POST /v1/career-paths/predict}: exactly one of {@code resumeId}, {@code text}, {@code student};
     * at most one of {@code labels}, {@code taxonomyId} (neither: the built-in taxonomy).
     *
     * @param resumeId   a resume of the caller's
     * @param text       a resume's text
     * @param student    the student variant
     * @param labels     the caller's own labels
     * @param taxonomyId a stored taxonomy of the caller's, or {@code builtin}
     * @param topK       how many career paths (default {@code pipeline.scoring.career.top-k})
     */
    public record Predict(String resumeId, String text, Student student, List<Label> labels, String taxonomyId,
            Integer topK) {
    }

    /**
     * @param label       the label
     * @param description what it means, optional
     * @param examples    labelled example resume texts (few-shot), optional
     */
    public record Label(String label, String description, List<String> examples) {
    }

    /**
     * @param grades    grade per subject, 0-100
     * @param interests free-text interests
     */
    public record Student(Map<String, Integer> grades, List<String> interests) {
    }

    /**
     * {@code POST /v1/career-paths/taxonomies}.
     *
     * @param id     optional id (letters, digits, {@code -_.}); generated when absent
     * @param name   display name
     * @param labels the labels
     */
    public record Taxonomy(String id, String name, List<Label> labels) {
    }
}
