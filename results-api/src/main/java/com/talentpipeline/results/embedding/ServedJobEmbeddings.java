package com.talentpipeline.results.embedding;

import com.talentpipeline.core.job.JobEmbeddings;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The OpenAPI schema of {@code GET /v1/jobs/{id}/embeddings}: the stored job embedding task result
 * ({@link JobEmbeddings} without skill vectors) with the two keys this API adds ({@link EmbeddingsController}).
 * Documentation only: the controller passes the stored JSON through, so the keys are those of the record the
 * embedding worker publishes.
 *
 * @param documentVersion the job's current version
 * @param current         whether these embeddings are of the current version
 */
@Schema(name = "ServedJobEmbeddings", allOf = JobEmbeddings.class,
        description = "The stored job embeddings, with the job's current version and whether they are of it")
record ServedJobEmbeddings(int documentVersion, boolean current) {
}
