/**
 * The results API's projection of the ingest API's {@code resume.submitted} events (table
 * {@code resume_versions}): per resume version, the owner the submission named and whether it came from
 * an uploaded file, so the prediction listings and the door never read the ingest API's tables.
 */
package com.talentpipeline.results.resume;
