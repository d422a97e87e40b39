/**
 * PostgreSQL access of the scoring worker: its scores and taxonomies, and its own projection of
 * resume.submitted and job.submitted (scoring_resumes, scoring_jobs) kept by
 * {@link com.talentpipeline.scoring.store.DocumentListeners}.
 */
package com.talentpipeline.scoring.store;
