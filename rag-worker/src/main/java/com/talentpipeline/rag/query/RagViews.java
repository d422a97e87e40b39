package com.talentpipeline.rag.query;

import com.talentpipeline.rag.config.RagProperties;
import com.talentpipeline.rag.index.IndexedResume;
import java.util.List;

/**
 * The answers of the RAG index reads ({@code rag.lookup}), with the camelCase keys clients read today
 * ({@code GET /v1/rag/resumes/{id}}, {@code /v1/rag/info}, {@code /v1/rag/health}).
 */
final class RagViews {

    private RagViews() {
    }

    /**
     * A resume's indexed version and its chunks, without vectors.
     *
     * @param resumeId the resume
     * @param version  the indexed version
     * @param model    version of the model that produced the vectors
     * @param text     the rendered text the chunk offsets point into
     * @param chunks   the chunks in reading order
     */
    record IndexedView(String resumeId, int version, String model, String text, List<ChunkView> chunks) {

        static IndexedView of(IndexedResume r) {
            return new IndexedView(r.resumeId(), r.version(), r.model(), r.text(), r.chunks().stream()
                    .map(c -> new ChunkView(c.chunkId(), c.section(), c.text(), c.charStart(), c.charEnd())).toList());
        }
    }

    /**
     * @param chunkId   the chunk id
     * @param section   the resume section it comes from
     * @param text      its text
     * @param charStart first character in the rendered text
     * @param charEnd   one past its last character
     */
    record ChunkView(String chunkId, String section, String text, int charStart, int charEnd) {
    }

    /**
     * The model, the retrieval settings and the caller tenant's index sizes (nothing about other tenants, no
     * file paths or infrastructure versions).
     *
     * @param model     the text model
     * @param retrieval retrieval settings
     * @param answer    answer settings
     * @param query     question limits
     * @param llm       whether a generative model is configured, and which
     * @param index     the tenant's index sizes
     */
    record Info(Model model, RagProperties.Retrieval retrieval, RagProperties.Answer answer, QueryLimits query, Llm llm,
            IndexSizes index) {
    }

    /**
     * @param name      model id
     * @param version   model version
     * @param dimension vector dimension
     */
    record Model(String name, String version, int dimension) {
    }

    /**
     * @param timeoutMillis the worker's own answer deadline
     * @param maxChars      longest question
     */
    record QueryLimits(long timeoutMillis, int maxChars) {
    }

    /**
     * @param enabled whether answers may be generated
     * @param model   the generative model, empty when none
     */
    record Llm(boolean enabled, String model) {
    }

    /**
     * @param resumes       indexed resumes of the tenant (stored)
     * @param chunks        their chunks (stored)
     * @param cachedResumes of those, held in memory now
     * @param cachedChunks  their chunks in memory
     */
    record IndexSizes(long resumes, long chunks, long cachedResumes, long cachedChunks) {
    }

    /**
     * @param status    {@code UP} when both parts are, else {@code DOWN}
     * @param textModel the text model
     * @param database  the index store
     */
    record Health(String status, String textModel, String database) {
    }
}
