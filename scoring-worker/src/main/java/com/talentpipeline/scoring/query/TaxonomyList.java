package com.talentpipeline.scoring.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code GET /v1/career-paths/taxonomies}: the built-in taxonomy and the tenant's stored ones, newest first.
 *
 * @param builtin    the built-in taxonomy's id and label count
 * @param taxonomies the tenant's taxonomies
 */
record TaxonomyList(Builtin builtin, List<Summary> taxonomies) {

    /**
     * @param id     {@code builtin}
     * @param labels how many labels
     */
    record Builtin(String id, int labels) {
    }

    /**
     * @param id        the taxonomy id
     * @param name      display name
     * @param labels    how many labels
     * @param createdAt when it was stored
     */
    record Summary(String id, String name, int labels, @JsonProperty("created_at") String createdAt) {
    }
}
