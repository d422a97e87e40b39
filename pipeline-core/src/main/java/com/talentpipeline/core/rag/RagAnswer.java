package com.talentpipeline.core.rag;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The answer of {@code POST /v1/rag/queries} (200 body, and the result of a {@code rag.query} task). The
 * camelCase keys are the ones clients read today; the keys added later are snake_case. The RAG worker
 * builds its reply with this record, so the front door's OpenAPI document shows what the wire carries.
 *
 * @param resumeId       the resume asked
 * @param resumeVersion  its indexed version
 * @param query          the question
 * @param response       the answer, with {@code [chunkId]} citations, or "The resume does not say."
 * @param answered       false for a refusal
 * @param citations      the cited chunks
 * @param topScore       relevance of the best chunk
 * @param mode           {@code extractive} or {@code generative}
 * @param fallbackReason why a generative answer fell back to the extractive one, or null
 * @param processingTime milliseconds the worker took
 * @param metadata       the resume's query counters, when asked for
 */
public record RagAnswer(String resumeId, int resumeVersion, String query, String response, boolean answered,
        List<Citation> citations, double topScore, String mode, String fallbackReason,
        @JsonProperty("processing_time") double processingTime,
        @JsonInclude(JsonInclude.Include.NON_NULL) QueryStats metadata) {

    /**
     * The resume's query counters (named apart from other schemas: the OpenAPI document names schemas by
     * their simple class name).
     *
     * @param totalQueries      questions asked about the resume
     * @param successfulQueries those answered
     * @param successRate       their share, 4 decimals
     */
    public record QueryStats(@JsonProperty("total_queries") long totalQueries,
            @JsonProperty("successful_queries") long successfulQueries,
            @JsonProperty("success_rate") double successRate) {
    }
}
