package com.talentpipeline.ingest.job;

import com.talentpipeline.core.skill.SkillVocabulary;
import com.talentpipeline.core.hash.ContentHash;
import com.talentpipeline.core.job.Job;
import com.talentpipeline.core.job.JobSubmitted;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.core.web.FieldProblem;
import com.talentpipeline.ingest.document.JobTextParser;
import com.talentpipeline.ingest.submission.Submission;
import com.talentpipeline.ingest.submission.SubmissionService;
import com.talentpipeline.core.task.intake.TaskAccepted;
import com.talentpipeline.ingest.web.Callers;
import com.talentpipeline.ingest.web.Responses;
import org.springframework.web.server.ServerWebExchange;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
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

/** {@code POST /v1/jobs}: a structured job posting (JSON) or a plain-text description in, 202 and a task to poll out. */
@RestController
@RequestMapping("/v1/jobs")
public class JobController {

    private final SubmissionService submissions;
    private final Responses responses;
    private final Validator validator;
    private final JobTextParser parser = new JobTextParser(SkillVocabulary.defaults());

    private final Callers callers;

    public JobController(SubmissionService submissions, Responses responses, Validator validator, Callers callers) {
        this.callers = callers;
        this.submissions = submissions;
        this.responses = responses;
        this.validator = validator;
    }

    /**
     * A plain-text job description: title, company, location, remote flag, level, skills and
     * requirements are extracted, then it goes the same way as a JSON job. 422 {@code unparseable_job}
     * when no title or company can be found (say "Company: ..." or "Title at Company" in the text).
     */
    @PostMapping(consumes = MediaType.TEXT_PLAIN_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<TaskAccepted>> submitText(
            @RequestBody(required = false) String description,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestHeader(name = "traceparent", required = false) String traceparent,
            ServerWebExchange exchange) {
        if (description == null || description.isBlank()) {
            return Mono.error(new ApiProblemException(HttpStatus.BAD_REQUEST, "empty_body",
                    "The job description is empty"));
        }
        Job job = parser.parse(description);
        List<FieldProblem> problems = validator.validate(job).stream()
                .map(v -> new FieldProblem(
                        com.talentpipeline.core.web.wire.WireNames.snakePath(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        if (!problems.isEmpty()) {
            return Mono.error(new ApiProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "unparseable_job",
                    "Required job fields could not be found in the text: "
                            + String.join(", ", problems.stream().map(FieldProblem::field).toList()), problems, null));
        }
        return submit(job, idempotencyKey, traceparent, exchange);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<TaskAccepted>> submit(
            @Valid @RequestBody Job job,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestHeader(name = "traceparent", required = false) String traceparent,
            ServerWebExchange exchange) {
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
        return callers.client(exchange, null).flatMap(client -> submissions.submit(submission, client, traceparent))
                .map(accepted -> responses.accepted(accepted, (a, url) ->
                        new TaskAccepted(a.taskId(), null, a.subjectId(), "ACCEPTED", url, a.replayed() ? true : null)));
    }
}
