package com.talentpipeline.ingest.ask;

import com.talentpipeline.core.kafka.reply.RequestAccepted;
import com.talentpipeline.core.kafka.reply.RequestReply;
import com.talentpipeline.core.match.MatchRequested;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.tenant.RequestTenant;
import com.talentpipeline.core.topic.Topics;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code POST /v1/matches}: one resume compared with one job, always a {@code match} task ({@code 202}),
 * computed by the matching worker from {@code match.requested}. Both documents are this module's, so an
 * unknown id is 404 and a closed job 409 before anything is accepted.
 */
@RestController
class MatchController {

    private final RequestReply requests;
    private final Documents documents;

    MatchController(RequestReply requests, Documents documents) {
        this.requests = requests;
        this.documents = documents;
    }

    @ApiResponse(responseCode = "202", description = "The match task; its result is read on the task",
            content = @Content(schema = @Schema(implementation = RequestAccepted.class)))
    @PostMapping(path = "/v1/matches", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Object>> match(@RequestBody(required = false) MatchRequest request,
            @RequestHeader(name = "traceparent", required = false) String traceparent, ServerWebExchange exchange) {
        String tenant = RequestTenant.of(exchange);
        Problems problems = new Problems();
        String resumeId = required(request == null ? null : request.resumeId(), "resume_id", problems);
        String jobId = required(request == null ? null : request.jobId(), "job_id", problems);
        problems.throwIfAny("The request");
        return documents.resume(tenant, resumeId)
                .then(documents.openJob(tenant, jobId))
                .then(requests.ask(new RequestReply.Request<>(Topics.MATCH_REQUESTED, TaskType.MATCH, tenant, resumeId,
                        traceparent, new MatchRequested(resumeId, jobId)), Duration.ZERO));
    }

    private static String required(String value, String field, Problems problems) {
        if (value == null || value.isBlank()) {
            problems.add(field, "must not be blank");
            return null;
        }
        if (value.length() > 200) {
            problems.add(field, "must be at most 200 characters");
            return null;
        }
        return value.strip();
    }
}
