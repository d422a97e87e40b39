package com.talentpipeline.rag.web;

/**
 * Body of {@code POST /v1/rag/queries}.
 *
 * @param resumeId        the resume to ask
 * @param query           the question (1-1000 characters)
 * @param includeMetadata whether to add the resume's query counters
 * @param timeoutMillis   how long to wait before answering 202 with a task; at most, and by default,
 *                        {@code pipeline.rag.query.timeout}
 */
public record RagQueryRequest(String resumeId, String query, Boolean includeMetadata, Long timeoutMillis) {
}
