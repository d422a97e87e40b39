package com.talentpipeline.core.task.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;

/**
 * The one {@code 202 Accepted} body of every task intake: the task to poll and the id of what it is about.
 * Written snake_case like every API response ({@code task_id}, {@code task_url}; see
 * {@code core.web.wire}); absent values are left out. Which subject key is set depends on the endpoint:
 * {@code resume_id}, {@code job_id}, {@code image_id} or {@code interview_id}.
 *
 * @param taskId        the task
 * @param resumeId      the resume id, for resume submissions
 * @param jobId         the job id, for job submissions
 * @param status        ACCEPTED; SUCCEEDED when the result was known at the door (the task is finished already)
 * @param taskUrl       where to poll the task (results API); also the {@code Location} header
 * @param replayed      true when an Idempotency-Key matched an earlier submission
 * @param predictionUrl for a resume upload: its prediction on the results API ({@code /v1/predictions/{taskId}})
 * @param warnings      what the resume lacks or what the parser could not read; absent when there is nothing to say
 * @param cacheHit      true when the result was known at the door (status SUCCEEDED); absent otherwise
 * @param resultLink    where the result is read when the task is finished already
 * @param imageId       the image id, for image uploads
 * @param contentType   the image's type, from its magic bytes
 * @param width         the image's width in pixels
 * @param height        the image's height in pixels
 * @param detectionsUrl where the image's detections are read once the task succeeded
 * @param interviewId   the caller's interview id, for interview submissions
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskAccepted(UUID taskId, String resumeId, String jobId, String status, String taskUrl,
        Boolean replayed, String predictionUrl, List<String> warnings, Boolean cacheHit, String resultLink,
        String imageId, String contentType, Integer width, Integer height, String detectionsUrl,
        String interviewId) {

    /** A resume or job answer (no image or interview fields). */
    public TaskAccepted(UUID taskId, String resumeId, String jobId, String status, String taskUrl,
            Boolean replayed, String predictionUrl, List<String> warnings, Boolean cacheHit, String resultLink) {
        this(taskId, resumeId, jobId, status, taskUrl, replayed, predictionUrl, warnings, cacheHit, resultLink,
                null, null, null, null, null, null);
    }

    /** A task the workers finish (no cache hit, no result link yet). */
    public TaskAccepted(UUID taskId, String resumeId, String jobId, String status, String taskUrl,
            Boolean replayed, String predictionUrl, List<String> warnings) {
        this(taskId, resumeId, jobId, status, taskUrl, replayed, predictionUrl, warnings, null, null);
    }

    /** Without a prediction or warnings (jobs, erasures). */
    public TaskAccepted(UUID taskId, String resumeId, String jobId, String status, String taskUrl, Boolean replayed) {
        this(taskId, resumeId, jobId, status, taskUrl, replayed, null, null);
    }

    /** The answer for an accepted task without a subject key yet: status, task URL, replay and door result. */
    public static TaskAccepted of(Accepted accepted, String taskUrl) {
        Finished finished = accepted.finished();
        return new TaskAccepted(accepted.taskId(), null, null, finished == null ? "ACCEPTED" : "SUCCEEDED", taskUrl,
                accepted.replayed() ? Boolean.TRUE : null, null, null, finished == null ? null : Boolean.TRUE,
                finished == null ? null : finished.resultLink());
    }

    /** The same answer about an uploaded image. */
    public TaskAccepted forImage(String id, String type, int imageWidth, int imageHeight, String detections) {
        return new TaskAccepted(taskId, resumeId, jobId, status, taskUrl, replayed, predictionUrl, warnings, cacheHit,
                resultLink, id, type, imageWidth, imageHeight, detections, interviewId);
    }

    /** The same answer about an interview. */
    public TaskAccepted forInterview(String id) {
        return new TaskAccepted(taskId, resumeId, jobId, status, taskUrl, replayed, predictionUrl, warnings, cacheHit,
                resultLink, imageId, contentType, width, height, detectionsUrl, id);
    }

    /** {@code 202 Accepted} with {@code Location} = {@link #taskUrl}. */
    public ResponseEntity<TaskAccepted> response() {
        return ResponseEntity.accepted().location(URI.create(taskUrl)).body(this);
    }

    /** The task URL on the results API: {@code <base>/v1/tasks/<id>}, trailing slashes of the base dropped. */
    public static String taskUrl(String resultsBaseUrl, UUID taskId) {
        return resultsBaseUrl.replaceAll("/+$", "") + "/v1/tasks/" + taskId;
    }
}
