/**
 * Contracts of the scoring worker's resume scores: what the results side asks it ({@code score.requested})
 * and the score it stores and answers with ({@link com.talentpipeline.core.score.ResumeScore},
 * {@link com.talentpipeline.core.score.ScoredResume}), typed in the OpenAPI document.
 */
package com.talentpipeline.core.score;
