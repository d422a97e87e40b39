package com.talentpipeline.core.career;

import java.util.List;

/**
 * Payload of {@code taxonomy.requested}: one operation on the caller's stored career taxonomies
 * ({@code POST/GET/DELETE /v1/career-paths/taxonomies[/{id}]}), asked at the front door and answered by
 * the scoring worker, which owns {@code career_taxonomies}. The front door validated the shape and limits
 * of a {@link Operation#CREATE}; the worker answers 404 for an id the tenant does not have. Key = the
 * taxonomy id, or the tenant for a list.
 *
 * @param operation what to do
 * @param id        the taxonomy (create: the id to store under, chosen by the front door; list: null)
 * @param name      display name (create only)
 * @param labels    the labels (create only)
 */
public record TaxonomyRequested(Operation operation, String id, String name, List<CareerRequested.Label> labels) {

    /** The operations of the taxonomy endpoints. */
    public enum Operation {
        /** Store (create or replace) a taxonomy; the reply is the stored taxonomy. */
        CREATE,
        /** The tenant's taxonomies (summaries) and the built-in one. */
        LIST,
        /** One taxonomy with its labels. */
        GET,
        /** Remove one; the reply body is {@code {"deleted": true}}. */
        DELETE
    }
}
