package com.talentpipeline.core.rag;

/**
 * Payload of {@code rag.lookup}: a read of the RAG worker's live index, asked at the front door
 * ({@code GET /v1/rag/resumes/{id}}, {@code /v1/rag/info}, {@code /v1/rag/health}) and answered by the
 * worker that holds it. Key = resume id, or the tenant for info and health.
 *
 * @param what     which read
 * @param resumeId the resume ({@link What#RESUME} only)
 */
public record RagLookup(What what, String resumeId) {

    /** The reads of the RAG API. */
    public enum What {
        /** A resume's indexed version and chunks; 404 while it is not indexed. */
        RESUME,
        /** Model, retrieval settings and the tenant's index sizes. */
        INFO,
        /** Whether the text model and the index store are up. */
        HEALTH
    }
}
