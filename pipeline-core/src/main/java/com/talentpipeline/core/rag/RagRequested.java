package com.talentpipeline.core.rag;

/**
 * Payload of {@code rag.requested}: a question about one resume, asked at the front door
 * ({@code POST /v1/rag/queries}) and answered by the RAG worker, which owns the index.
 *
 * @param resumeId        the resume (also the record key)
 * @param query           the question, stripped, within the front door's length limit
 * @param includeMetadata whether the answer carries the resume's query counters
 */
public record RagRequested(String resumeId, String query, boolean includeMetadata) {
}
