package com.talentpipeline.results.score;

import com.talentpipeline.core.kafka.reply.RequestReply;
import com.talentpipeline.core.score.ScoreRequested;
import com.talentpipeline.core.score.ScoredResume;
import com.talentpipeline.core.tenant.RequestTenant;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.core.web.FieldProblem;
import com.talentpipeline.results.task.TaskStore;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v1/resumes/{id}/score[?jobId=]}: the latest scored version of the caller's resume, as the
 * scoring worker published it (its SUCCEEDED {@code resume.score} task result) plus {@code task_id}; 404
 * for a resume the tenant does not have, 409 {@code not_ready} while it is not scored yet. With a job the
 * ATS score is recomputed against it by the scoring worker, which holds the scorer
 * ({@code score.requested}, request-reply; 404 for an unknown job, 503 when it does not answer in time).
 */
@RestController
class ScoreController {

    private static final int MAX_ID = 200;

    private final TaskStore tasks;
    private final RequestReply requests;
    private final ScoreProperties properties;

    ScoreController(TaskStore tasks, RequestReply resultsRequestReply, ScoreProperties properties) {
        this.tasks = tasks;
        this.requests = resultsRequestReply;
        this.properties = properties;
    }

    @ApiResponse(responseCode = "200", description = "The latest score (with jobId: its ATS part against the job)",
            content = @Content(schema = @Schema(implementation = ScoredResume.class)))
    @GetMapping(path = "/v1/resumes/{resumeId}/score", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<JsonNode> score(@PathVariable String resumeId, @RequestParam(required = false) String jobId,
            @RequestHeader(name = "traceparent", required = false) String traceparent, ServerWebExchange exchange) {
        String tenant = RequestTenant.of(exchange);
        if (jobId != null && !jobId.isBlank()) {
            if (jobId.length() > MAX_ID || resumeId.length() > MAX_ID) {
                throw new ApiProblemException(HttpStatus.BAD_REQUEST, "validation_failed",
                        "jobId and the resume id must be at most " + MAX_ID + " characters",
                        List.of(new FieldProblem("jobId", "must be at most " + MAX_ID + " characters")), null);
            }
            return requests.query(new RequestReply.Request<>(Topics.SCORE_REQUESTED, null, tenant, resumeId, traceparent,
                    new ScoreRequested(resumeId, jobId.strip())), properties.jobTimeout());
        }
        return tasks.latestScore(tenant, resumeId).flatMap(found -> found.result() instanceof ObjectNode result
                ? Mono.<JsonNode>just(result.put("task_id", found.taskId().toString()))
                : Mono.error(found.resumeKnown()
                        ? new ApiProblemException(HttpStatus.CONFLICT, "not_ready",
                                "Resume " + resumeId + " is not scored yet; retry shortly", List.of(), Duration.ofSeconds(1))
                        : ApiProblemException.notFound("Resume", resumeId)));
    }
}
