package com.talentpipeline.scoring.web;

import java.util.List;
import java.util.Map;

/** Bodies of the career-path endpoints. */
public final class CareerRequests {

    private CareerRequests() {
    }

    /**
     * @param label       the label
     * @param description what it means, optional
     * @param examples    labelled example resume texts (few-shot), optional
     */
    public record Label(String label, String description, List<String> examples) {
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
