package com.talentpipeline.core.career;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code GET /v1/career-paths/taxonomies}: the built-in taxonomy and the tenant's stored ones, newest first.
 * The scoring worker builds its reply with this record, so the front door's OpenAPI document shows what the
 * wire carries.
 *
 * @param builtin    the built-in taxonomy's id and label count
 * @param taxonomies the tenant's taxonomies
 */
public record TaxonomyList(BuiltinTaxonomy builtin, List<TaxonomySummary> taxonomies) {

    /**
     * @param id     {@code builtin}
     * @param labels how many labels
     */
    public record BuiltinTaxonomy(String id, int labels) {
    }

    /**
     * @param id        the taxonomy id
     * @param name      display name
     * @param labels    how many labels
     * @param createdAt when it was stored, ISO-8601
     */
    public record TaxonomySummary(String id, String name, int labels, @JsonProperty("created_at") String createdAt) {
    }
}
