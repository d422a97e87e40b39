/**
 * The recruiter's question "rank my resumes against this job": {@code GET /v1/jobs/{id}/candidates},
 * a vector top-k over the tenant's resume vectors reranked by the full comparison.
 */
package com.talentpipeline.matching.candidates;
