package com.talentpipeline.core.career;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A stored taxonomy as {@code POST} and {@code GET /v1/career-paths/taxonomies/{id}} answer it: its labels
 * with their descriptions and how many examples each has (the example texts are not echoed). The scoring
 * worker builds its reply with this record, so the front door's OpenAPI document shows what the wire carries.
 *
 * @param id        the taxonomy id
 * @param name      display name
 * @param labels    its labels
 * @param createdAt when it was stored, ISO-8601 (absent for the built-in one)
 */
public record TaxonomyView(String id, String name, List<TaxonomyLabel> labels,
        @JsonProperty("created_at") @JsonInclude(JsonInclude.Include.NON_NULL) String createdAt) {

    /**
     * One label of a stored taxonomy (named apart from {@link CareerRequested.Label}, the label a request
     * sends: the OpenAPI document names schemas by their simple class name).
     *
     * @param label       the label
     * @param description what it means, or null
     * @param skills      typical skills (built-in labels only; omitted when none)
     * @param examples    how many example texts it has
     */
    public record TaxonomyLabel(String label, String description,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> skills, int examples) {
    }
}
