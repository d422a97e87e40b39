package com.talentpipeline.core.score;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The answer of {@code GET /v1/resumes/{id}/score}: the stored {@link ResumeScore} (with a {@code jobId}, its
 * ATS part recomputed against the job by the scoring worker) followed by the task that produced it.
 *
 * @param score  the score's keys, at the top level
 * @param taskId the {@code resume.score} task whose result it is
 */
public record ScoredResume(@JsonUnwrapped ResumeScore score, @JsonProperty("task_id") String taskId) {
}
