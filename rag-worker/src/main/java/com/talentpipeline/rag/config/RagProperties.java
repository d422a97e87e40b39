package com.talentpipeline.rag.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the RAG worker ({@code pipeline.rag.*}).
 *
 * @param retrieval how chunks are chosen for a question
 * @param answer    how the extractive answer is composed
 * @param query     limits of the query API
 * @param llm       the optional OpenAI-compatible chat endpoint (off while {@code url} is empty)
 * @param resultsBaseUrl base of the results API, for the task URL of a query answered asynchronously
 */
@ConfigurationProperties(prefix = "pipeline.rag")
public record RagProperties(
        @DefaultValue Retrieval retrieval,
        @DefaultValue Answer answer,
        @DefaultValue Query query,
        @DefaultValue Llm llm,
        @DefaultValue("http://localhost:8081") String resultsBaseUrl) {

    /** Defaults everywhere (tests). */
    public static RagProperties defaults() {
        return new RagProperties(new Retrieval(4, 0.7, 0.45, 0.8, 0.4, 0.1), new Answer(3),
                new Query(Duration.ofSeconds(5), 1000), new Llm(null, null, null, Duration.ofSeconds(3)), "http://localhost:8081");
    }

    /**
     * @param topK           chunks retrieved per question
     * @param mmrLambda      MMR trade-off: 1 = relevance only, 0 = diversity only
     * @param minScore       relevance (cosine) below which the question is refused
     * @param relativeCutoff a cited chunk scores at least this share of the best chunk's score
     * @param lexicalWeight  weight of the share of the question's content terms found in a chunk, added to
     *                       the cosine (hybrid retrieval: a fact the resume never names scores low)
     * @param sectionWeight  added to chunks of a section the question names ("study" -> education)
     */
    public record Retrieval(@DefaultValue("4") int topK, @DefaultValue("0.7") double mmrLambda,
            @DefaultValue("0.45") double minScore, @DefaultValue("0.8") double relativeCutoff,
            @DefaultValue("0.4") double lexicalWeight, @DefaultValue("0.1") double sectionWeight) {
        public Retrieval {
            if (topK < 1) {
                throw new IllegalArgumentException("pipeline.rag.retrieval.top-k must be at least 1");
            }
            if (mmrLambda < 0 || mmrLambda > 1) {
                throw new IllegalArgumentException("pipeline.rag.retrieval.mmr-lambda must be within [0, 1]");
            }
        }
    }

    /** @param maxSentences most cited sentences in an extractive answer */
    public record Answer(@DefaultValue("3") int maxSentences) {
    }

    /**
     * @param timeout  how long a query is answered synchronously before it becomes a task (202)
     * @param maxChars longest accepted question
     */
    public record Query(@DefaultValue("5s") Duration timeout, @DefaultValue("1000") int maxChars) {
    }

    /**
     * @param url     chat completions URL; empty = generative answers off
     * @param model   model name sent to it
     * @param apiKey  bearer token, may be empty
     * @param timeout how long to wait for it before falling back to the extractive answer
     */
    public record Llm(String url, String model, String apiKey, @DefaultValue("3s") Duration timeout) {
        public boolean enabled() {
            return url != null && !url.isBlank();
        }
    }
}
