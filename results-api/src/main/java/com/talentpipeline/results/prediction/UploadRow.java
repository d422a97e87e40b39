package com.talentpipeline.results.prediction;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * What the store holds about one upload: its task, the resume, its file and the worker rows of its version
 * and of later versions (which tell a superseded part from a pending one). Owner and file are this service's
 * projection of the version's {@code resume.submitted}; all null while it is not projected yet.
 *
 * @param taskId         the upload's task id (the prediction id)
 * @param tenantId       its tenant
 * @param resumeId       the resume
 * @param version        the version the upload created
 * @param state          the upload task's state (the embedding stage)
 * @param errorCode      its error code, when FAILED
 * @param errorMessage   its error message, when FAILED
 * @param createdAt      accepted at
 * @param updatedAt      the task's last change
 * @param currentVersion the resume's current version
 * @param userId         the resume's owner, when some version named one
 * @param fromUpload     whether this version came from an uploaded file; null when not known (yet)
 * @param fileName       the file's name, when it came from a file
 * @param mediaType      the file's type, likewise
 * @param parts          {@code predictions} rows of this resume at this version or later
 */
public record UploadRow(UUID taskId, String tenantId, String resumeId, int version, String state, String errorCode,
        String errorMessage, Instant createdAt, Instant updatedAt, int currentVersion, String userId,
        Boolean fromUpload, String fileName, String mediaType, List<PartRow> parts) {

    /** The same upload with its parts taken from {@code rows} (any versions of its resume; older ones are left out). */
    UploadRow withParts(List<PartRow> rows) {
        return new UploadRow(taskId, tenantId, resumeId, version, state, errorCode, errorMessage, createdAt, updatedAt,
                currentVersion, userId, fromUpload, fileName, mediaType,
                rows.stream().filter(p -> p.version() >= version).toList());
    }

    /**
     * One {@code predictions} row, as a worker wrote it.
     *
     * @param id        row id
     * @param kind      {@code career_path}, {@code resume_score} or {@code recommendations}
     * @param version   the resume version it is for
     * @param taskId    the worker's task
     * @param summary   the worker's summary (derived values only)
     * @param createdAt when it was written
     */
    record PartRow(UUID id, String kind, int version, UUID taskId, JsonNode summary, Instant createdAt) {
    }

    /**
     * A worker's task of this version.
     *
     * @param state        ACCEPTED, RUNNING, SUCCEEDED or FAILED
     * @param errorCode    when FAILED
     * @param errorMessage when FAILED
     */
    record WorkerTask(String state, String errorCode, String errorMessage) {
    }
}
