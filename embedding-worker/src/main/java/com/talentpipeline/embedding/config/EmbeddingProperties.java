package com.talentpipeline.embedding.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedding worker ({@code pipeline.embedding.*}).
 *
 * @param chunking how resumes are split into retrieval chunks; the RAG worker stores what this worker
 *                 published, so these settings live here
 */
@ConfigurationProperties("pipeline.embedding")
public record EmbeddingProperties(@DefaultValue Chunking chunking) {

    /** The documented defaults (tests and tools that run without Spring). */
    public static EmbeddingProperties defaults() {
        return new EmbeddingProperties(new Chunking(com.talentpipeline.core.chunk.ResumeChunker.DEFAULT_MAX_CHARS,
                com.talentpipeline.core.chunk.ResumeChunker.DEFAULT_SKILLS_PER_CHUNK, 512));
    }

    /**
     * @param maxChars       most characters in one chunk (a longer sentence is split at whitespace)
     * @param skillsPerChunk most skills in one skills chunk
     * @param maxChunks      most chunks indexed per resume version (bounds the event size: at 384 dims a
     *                       chunk costs about 3 KB on {@code resume.embedded}); later chunks are left out
     */
    public record Chunking(@DefaultValue("400") int maxChars, @DefaultValue("12") int skillsPerChunk,
            @DefaultValue("512") int maxChunks) {

        public Chunking {
            if (maxChars < 40) {
                throw new IllegalArgumentException("pipeline.embedding.chunking.max-chars must be at least 40");
            }
            if (skillsPerChunk < 1) {
                throw new IllegalArgumentException("pipeline.embedding.chunking.skills-per-chunk must be at least 1");
            }
            if (maxChunks < 1) {
                throw new IllegalArgumentException("pipeline.embedding.chunking.max-chunks must be at least 1");
            }
        }
    }
}
