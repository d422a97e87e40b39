/**
 * The document-projection kit: a service that needs submitted documents keeps its own copy in its own
 * tables, filled from {@code resume.submitted} and {@code job.submitted}, instead of reading the ingest
 * API's tables.
 */
package com.talentpipeline.core.projection;
