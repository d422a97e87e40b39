package com.talentpipeline.ingest.resume;

import com.talentpipeline.core.hash.ContentHash;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.resume.Resume;
import com.talentpipeline.core.resume.ResumeSubmitted;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.task.Tenants;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.ingest.submission.Submission;
import com.talentpipeline.ingest.submission.SubmissionService;
import com.talentpipeline.ingest.submission.TaskAccepted;
import com.talentpipeline.ingest.web.Responses;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code POST /v1/resumes}: a structured resume in, 202 and a task to poll out. */
@RestController
@RequestMapping("/v1/resumes")
public class ResumeController {

    private final SubmissionService submissions;
    private final Responses responses;

    public ResumeController(SubmissionService submissions, Responses responses) {
        this.submissions = submissions;
        this.responses = responses;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<TaskAccepted>> submit(
            @Valid @RequestBody Resume resume,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestHeader(name = "traceparent", required = false) String traceparent) {
        var problems = ResumeRules.check(resume);
        if (!problems.isEmpty()) {
            return Mono.error(new ApiProblemException(HttpStatus.BAD_REQUEST, "validation_failed",
                    "The resume has inconsistent dates", problems, null));
        }
        String resumeId = UUID.randomUUID().toString();
        var submission = new Submission<>(
                TaskType.RESUME_EMBEDDING,
                Topics.RESUME_SUBMITTED,
                resumeId,
                "resumes",
                PipelineJson.mapper().writeValueAsString(resume),
                ContentHash.of(resume),
                null,
                version -> new ResumeSubmitted(resumeId, version, resume),
                Responses.idempotencyKey(idempotencyKey));
        return submissions.submit(submission, Tenants.DEFAULT, traceparent)
                .map(accepted -> responses.accepted(accepted, (a, url) ->
                        new TaskAccepted(a.taskId(), a.subjectId(), null, "ACCEPTED", url, a.replayed() ? true : null)));
    }
}
