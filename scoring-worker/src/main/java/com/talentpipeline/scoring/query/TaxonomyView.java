package com.talentpipeline.scoring.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.talentpipeline.scoring.career.CareerLabel;
import com.talentpipeline.scoring.store.TaxonomyStore;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A stored taxonomy as {@code POST} and {@code GET /v1/career-paths/taxonomies/{id}} answer it: its labels
 * with their descriptions and how many examples each has (the example texts are not echoed).
 *
 * @param id        the taxonomy id
 * @param name      display name
 * @param labels    its labels
 * @param createdAt when it was stored (absent for the built-in one)
 */
record TaxonomyView(String id, String name, List<Label> labels,
        @JsonProperty("created_at") @JsonInclude(JsonInclude.Include.NON_NULL) String createdAt) {

    /**
     * @param label       the label
     * @param description what it means, or null
     * @param skills      typical skills (built-in labels only; omitted when none)
     * @param examples    how many example texts it has
     */
    record Label(String label, String description, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> skills,
            int examples) {
    }

    static TaxonomyView of(TaxonomyStore.Taxonomy t) {
        return new TaxonomyView(t.id(), t.name(), t.labels().stream().map(TaxonomyView::label).toList(),
                text(t.createdAt()));
    }

    private static Label label(CareerLabel l) {
        return new Label(l.name(), l.description(), l.skills(), l.examples().size());
    }

    static String text(OffsetDateTime at) {
        return at == null ? null : at.toString();
    }
}
