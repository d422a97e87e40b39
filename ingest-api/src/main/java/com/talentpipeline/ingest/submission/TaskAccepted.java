package com.talentpipeline.ingest.submission;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;

/**
 * The 202 body: the task to poll and the id of the document it is about.
 *
 * @param taskId    the task
 * @param resumeId  the resume id, for resume submissions
 * @param jobId     the job id, for job submissions
 * @param status    ACCEPTED; SUCCEEDED when the result was known at the door (the task is finished already)
 * @param taskUrl   where to poll the task (results API)
 * @param replayed  true when an Idempotency-Key matched an earlier submission
 * @param predictionUrl for a resume upload: its prediction on the results API ({@code /v1/predictions/{taskId}})
 * @param warnings  what the resume lacks or what the parser could not read (e.g. "no email address found");
 *                  absent when there is nothing to say. A warning never refuses a resume.
 * @param cacheHit  true when the result was known at the door (status SUCCEEDED); absent otherwise
 * @param resultLink where the result is read on the results API (as the task's {@code resultLink}), when
 *                  the task is finished already
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskAccepted(UUID taskId, String resumeId, String jobId, String status, String taskUrl,
        Boolean replayed, String predictionUrl, List<String> warnings, Boolean cacheHit, String resultLink) {

    /** A task the workers finish (no cache hit, no result link yet). */
    public TaskAccepted(UUID taskId, String resumeId, String jobId, String status, String taskUrl,
            Boolean replayed, String predictionUrl, List<String> warnings) {
        this(taskId, resumeId, jobId, status, taskUrl, replayed, predictionUrl, warnings, null, null);
    }

    /** Without a prediction or warnings (jobs, erasures). */
    public TaskAccepted(UUID taskId, String resumeId, String jobId, String status, String taskUrl, Boolean replayed) {
        this(taskId, resumeId, jobId, status, taskUrl, replayed, null, null);
    }
}
