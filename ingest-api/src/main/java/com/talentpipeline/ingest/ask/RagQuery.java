package com.talentpipeline.ingest.ask;

/**
 * Body of {@code POST /v1/rag/queries} (keys as clients send them today).
 *
 * @param resumeId        the resume to ask
 * @param query           the question (1-1000 characters)
 * @param includeMetadata whether to add the resume's query counters
 * @param timeoutMillis   how long to wait before answering 202 with a task; at most, and by default,
 *                        {@code pipeline.ingest.ask.rag.timeout}; 0 = always a task
 */
record RagQuery(String resumeId, String query, Boolean includeMetadata, Long timeoutMillis) {
}
