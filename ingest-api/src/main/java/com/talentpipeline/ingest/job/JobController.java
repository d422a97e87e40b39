package com.talentpipeline.ingest.job;

import com.talentpipeline.core.hash.ContentHash;
import com.talentpipeline.core.job.Job;
import com.talentpipeline.core.job.JobSubmitted;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.task.Tenants;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.ingest.submission.Submission;
import com.talentpipeline.ingest.submission.SubmissionService;
import com.talentpipeline.ingest.submission.TaskAccepted;
import com.talentpipeline.ingest.web.Responses;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code POST /v1/jobs}: a structured job posting in, 202 and a task to poll out. */
@RestController
@RequestMapping("/v1/jobs")
public class JobController {

    private final SubmissionService submissions;
    private final Responses responses;

    public JobController(SubmissionService submissions, Responses responses) {
        this.submissions = submissions;
        this.responses = responses;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<TaskAccepted>> submit(
            @Valid @RequestBody Job job,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestHeader(name = "traceparent", required = false) String traceparent) {
        String jobId = UUID.randomUUID().toString();
        var submission = new Submission<>(
                TaskType.JOB_EMBEDDING,
                Topics.JOB_SUBMITTED,
                jobId,
                "jobs",
                PipelineJson.mapper().writeValueAsString(job),
                ContentHash.of(job),
                job.status().wireName(),
                version -> new JobSubmitted(jobId, version, job),
                Responses.idempotencyKey(idempotencyKey));
        return submissions.submit(submission, Tenants.DEFAULT, traceparent)
                .map(accepted -> responses.accepted(accepted, (a, url) ->
                        new TaskAccepted(a.taskId(), null, a.subjectId(), "ACCEPTED", url, a.replayed() ? true : null)));
    }
}
