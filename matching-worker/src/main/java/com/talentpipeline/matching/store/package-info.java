/**
 * PostgreSQL access of the matching worker: its own projection of resume.submitted and job.submitted
 * (matching_resumes, matching_jobs), kept by {@link com.talentpipeline.matching.store.DocumentListeners}.
 */
package com.talentpipeline.matching.store;
