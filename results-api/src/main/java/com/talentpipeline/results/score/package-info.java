/**
 * {@code GET /v1/resumes/{id}/score}: the score the scoring worker published as its {@code resume.score}
 * task result, and the score against a job asked of the scoring worker through request-reply.
 */
package com.talentpipeline.results.score;
