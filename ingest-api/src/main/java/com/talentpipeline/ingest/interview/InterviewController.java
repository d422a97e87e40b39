package com.talentpipeline.ingest.interview;

import com.talentpipeline.core.hash.ContentHash;
import com.talentpipeline.core.interview.InterviewSubmitted;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.task.intake.IntakeRequest;
import com.talentpipeline.core.task.intake.OwnerRows;
import com.talentpipeline.core.task.intake.TaskAccepted;
import com.talentpipeline.core.task.intake.TaskIntake;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.ingest.config.IngestProperties;
import com.talentpipeline.ingest.submission.SubmissionService;
import com.talentpipeline.ingest.web.Callers;
import com.talentpipeline.ingest.web.Responses;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code POST /v1/interviews}: validates the transcript and rubric (a given {@code jobId} must be one of the
 * tenant's jobs), then accepts the task through the intake kit: the task row, the {@code interview.submitted}
 * event (key = interview id) with its trace, 202 once Kafka acknowledged it. An Idempotency-Key replays.
 */
@RestController
class InterviewController {

    private final TaskIntake intake;
    private final SubmissionService documents;
    private final Callers callers;
    private final Responses responses;
    private final InterviewRules rules;

    public InterviewController(TaskIntake intake, SubmissionService documents, Callers callers, Responses responses,
            IngestProperties properties) {
        this.intake = intake;
        this.documents = documents;
        this.callers = callers;
        this.responses = responses;
        this.rules = new InterviewRules(properties.maxInterviewTurns(), properties.maxInterviewChars());
    }

    @PostMapping(path = "/v1/interviews", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<TaskAccepted>> submit(@RequestBody(required = false) InterviewRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestHeader(name = "traceparent", required = false) String traceparent,
            ServerWebExchange exchange) {
        InterviewSubmitted interview = rules.validate(request);
        String key = Responses.idempotencyKey(idempotencyKey);
        return callers.client(exchange, null).flatMap(client -> {
            Mono<Boolean> jobKnown = interview.jobId() == null ? Mono.just(true)
                    : documents.exists("jobs", client.tenantId(), interview.jobId());
            return jobKnown.flatMap(known -> {
                if (!known) {
                    return Mono.error(ApiProblemException.notFound("Job", interview.jobId()));
                }
                // The transcript travels in the event: no row of ours besides the task.
                var accept = new IntakeRequest<>(TaskType.INTERVIEW_SCORE, Topics.INTERVIEW_SUBMITTED,
                        interview.interviewId(), ContentHash.of(interview), version -> interview, key,
                        client.callbackUrl(), OwnerRows.none(), null);
                return intake.submit(accept, client.tenantId(), traceparent);
            });
        }).map(accepted -> responses.accepted(accepted,
                (a, url) -> TaskAccepted.of(a, url).forInterview(a.subjectId())));
    }
}
