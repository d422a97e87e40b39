package com.talentpipeline.results.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.talentpipeline.core.task.ModelRef;
import com.talentpipeline.core.task.TaskError;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A task as {@code GET /v1/tasks/{id}} shows it.
 *
 * @param taskId     the task
 * @param type       what it computes
 * @param state      ACCEPTED, RUNNING, SUCCEEDED or FAILED
 * @param progress   0-100
 * @param subjectId  the resume or job it is about
 * @param createdAt  accepted at
 * @param startedAt  first RUNNING at
 * @param finishedAt terminal at
 * @param updatedAt  last change
 * @param model      model that produced the result
 * @param error      why it failed
 * @param cacheHit   whether the result was served from the cache
 * @param resultLink where the result is
 * @param result     the result itself, when asked for with {@code ?includeResult=true}
 * @param subjectVersion the document version a resume or job submission created
 * @param predictionUrl  for a resume upload ({@code resume.embedding}): its prediction, {@code /v1/predictions/{taskId}}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TaskView(
        UUID taskId,
        String type,
        String state,
        int progress,
        String subjectId,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Instant updatedAt,
        ModelRef model,
        TaskError error,
        Boolean cacheHit,
        String resultLink,
        JsonNode result,
        Integer subjectVersion,
        String predictionUrl) {

    TaskView withResult(JsonNode value) {
        return new TaskView(taskId, type, state, progress, subjectId, createdAt, startedAt, finishedAt, updatedAt,
                model, error, cacheHit, resultLink, value, subjectVersion, predictionUrl);
    }
}
