/**
 * Contracts of the scoring worker's career paths: what the front door asks it ({@code career.requested},
 * {@code taxonomy.requested}) and the answers it replies with ({@link com.talentpipeline.core.career.CareerPaths},
 * {@link com.talentpipeline.core.career.TaxonomyView}, {@link com.talentpipeline.core.career.TaxonomyList}),
 * which the front door's OpenAPI document shows as they are.
 */
package com.talentpipeline.core.career;
