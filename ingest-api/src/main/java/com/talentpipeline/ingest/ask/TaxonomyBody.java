package com.talentpipeline.ingest.ask;

import com.talentpipeline.core.career.CareerRequested;
import java.util.List;

/**
 * Body of {@code POST /v1/career-paths/taxonomies}.
 *
 * @param id     optional id (letters, digits, {@code -_.}, not {@code builtin}); generated when absent
 * @param name   display name
 * @param labels the labels, as in a prediction request
 */
record TaxonomyBody(String id, String name, List<CareerRequested.Label> labels) {
}
