package com.talentpipeline.core.task.store;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One stored task, every column of {@code tasks} (the callback URL aside: {@link TaskReads#callbackUrl}).
 *
 * @param id             the task id
 * @param tenantId       its tenant
 * @param type           its type's wire name
 * @param state          its state's name
 * @param progress       0 to 100
 * @param subjectId      what it is about
 * @param subjectVersion the document version the intake recorded, null for tasks of other kinds
 * @param contentHash    the submitted content's hash, or null
 * @param createdAt      creation time
 * @param startedAt      when it started, or null
 * @param finishedAt     when it ended, or null
 * @param updatedAt      last change
 * @param modelName      the model that served it, or null
 * @param modelVersion   that model's version, or null
 * @param modelDimension that model's dimension, or null
 * @param errorCode      the error code of a FAILED task, or null
 * @param errorMessage   its message, or null
 * @param cacheHit       whether it was served from the cache
 * @param resultLink     where its result is read, or null
 */
public record TaskRow(UUID id, String tenantId, String type, String state, int progress, String subjectId,
        Integer subjectVersion, String contentHash, OffsetDateTime createdAt, OffsetDateTime startedAt,
        OffsetDateTime finishedAt, OffsetDateTime updatedAt, String modelName, String modelVersion,
        Integer modelDimension, String errorCode, String errorMessage, Boolean cacheHit, String resultLink) {
}
