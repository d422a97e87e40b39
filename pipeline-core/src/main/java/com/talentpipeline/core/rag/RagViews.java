package com.talentpipeline.core.rag;

import java.util.List;

/**
 * The answers of the RAG index reads ({@code rag.lookup}), with the camelCase keys clients read today
 * ({@code GET /v1/rag/resumes/{id}}, {@code /v1/rag/info}, {@code /v1/rag/health}). The RAG worker builds its
 * replies with these records, so the front door's OpenAPI document shows what the wire carries; each has a
 * name of its own because the document names schemas by their simple class name.
 */
public final class RagViews {

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
    public record RagIndexedResume(String resumeId, int version, String model, String text, List<RagChunk> chunks) {
    }

    /**
     * @param chunkId   the chunk id
     * @param section   the resume section it comes from
     * @param text      its text
     * @param charStart first character in the rendered text
     * @param charEnd   one past its last character
     */
    public record RagChunk(String chunkId, String section, String text, int charStart, int charEnd) {
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
    public record RagInfo(RagModel model, RagRetrieval retrieval, RagAnswerSettings answer, RagQueryLimits query,
            RagLlm llm, RagIndexSizes index) {
    }

    /**
     * @param name      model id
     * @param version   model version
     * @param dimension vector dimension
     */
    public record RagModel(String name, String version, int dimension) {
    }

    /**
     * The worker's retrieval settings ({@code pipeline.rag.retrieval.*}).
     *
     * @param topK           chunks retrieved per question
     * @param mmrLambda      MMR trade-off: 1 = relevance only, 0 = diversity only
     * @param minScore       relevance below which the question is refused
     * @param relativeCutoff a cited chunk scores at least this share of the best chunk's score
     * @param lexicalWeight  weight of the share of the question's content terms found in a chunk
     * @param sectionWeight  added to chunks of a section the question names
     */
    public record RagRetrieval(int topK, double mmrLambda, double minScore, double relativeCutoff,
            double lexicalWeight, double sectionWeight) {
    }

    /**
     * The worker's answer settings ({@code pipeline.rag.answer.*}).
     *
     * @param maxSentences most cited sentences in an extractive answer
     */
    public record RagAnswerSettings(int maxSentences) {
    }

    /**
     * @param timeoutMillis the worker's own answer deadline
     * @param maxChars      longest question
     */
    public record RagQueryLimits(long timeoutMillis, int maxChars) {
    }

    /**
     * @param enabled whether answers may be generated
     * @param model   the generative model, empty when none
     */
    public record RagLlm(boolean enabled, String model) {
    }

    /**
     * @param resumes       indexed resumes of the tenant (stored)
     * @param chunks        their chunks (stored)
     * @param cachedResumes of those, held in memory now
     * @param cachedChunks  their chunks in memory
     */
    public record RagIndexSizes(long resumes, long chunks, long cachedResumes, long cachedChunks) {
    }

    /**
     * @param status    {@code UP} when both parts are, else {@code DOWN}
     * @param textModel the text model
     * @param database  the index store
     */
    public record RagHealth(String status, String textModel, String database) {
    }
}
