package com.talentpipeline.results.embedding;

import com.talentpipeline.core.resume.ResumeEmbeddings;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The OpenAPI schema of {@code GET /v1/resumes/{id}/embeddings}: the stored resume embedding task result
 * ({@link ResumeEmbeddings#taskResult()}: section means, counts, metrics) with the two keys this API adds
 * ({@link EmbeddingsController}). Documentation only: the controller passes the stored JSON through, so
 * the keys are those of the record the embedding worker publishes.
 *
 * @param documentVersion the resume's current version
 * @param current         whether these embeddings are of the current version
 */
@Schema(name = "ServedResumeEmbeddings", allOf = ResumeEmbeddings.class,
        description = "The stored resume embeddings, with the resume's current version and whether they are of it")
record ServedResumeEmbeddings(int documentVersion, boolean current) {
}
