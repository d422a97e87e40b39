package com.talentpipeline.ingest.ask;

import com.talentpipeline.core.kafka.reply.RequestAccepted;
import com.talentpipeline.core.kafka.reply.RequestReply;
import com.talentpipeline.core.rag.RagAnswer;
import com.talentpipeline.core.rag.RagRequested;
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
 * {@code POST /v1/rag/queries}: a question about one of the caller's resumes, answered by the RAG worker
 * through {@code rag.requested}: {@code 200} with the answer within the timeout, else {@code 202} with a
 * {@code rag.query} task the answer completes; {@code timeoutMillis: 0} is always a task. An unknown resume
 * is 404 here; one the worker has not indexed yet is the worker's 404.
 */
@RestController
class RagQueryController {

    private final RequestReply requests;
    private final Documents documents;
    private final AskProperties.Rag settings;

    RagQueryController(RequestReply requests, Documents documents, AskProperties properties) {
        this.requests = requests;
        this.documents = documents;
        this.settings = properties.rag();
    }

    @ApiResponse(responseCode = "200", description = "The worker's answer, with its citations",
            content = @Content(schema = @Schema(implementation = RagAnswer.class)))
    @ApiResponse(responseCode = "202", description = "Not answered in time (or timeout_millis 0): the rag.query task "
            + "the answer completes (Location: the task)",
            content = @Content(schema = @Schema(implementation = RequestAccepted.class)))
    @PostMapping(path = "/v1/rag/queries", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Object>> query(@RequestBody(required = false) RagQuery request,
            @RequestHeader(name = "traceparent", required = false) String traceparent, ServerWebExchange exchange) {
        String tenant = RequestTenant.of(exchange);
        validate(request);
        String resumeId = request.resumeId().strip();
        Duration limit = settings.timeout();
        Duration timeout = request.timeoutMillis() == null ? limit
                : Duration.ofMillis(Math.min(Math.max(0, request.timeoutMillis()), limit.toMillis()));
        RagRequested question = new RagRequested(resumeId, request.query().strip(),
                Boolean.TRUE.equals(request.includeMetadata()));
        return documents.resume(tenant, resumeId).then(requests.ask(new RequestReply.Request<>(
                Topics.RAG_REQUESTED, TaskType.RAG_QUERY, tenant, resumeId, traceparent, question), timeout));
    }

    private void validate(RagQuery request) {
        Problems problems = new Problems();
        if (request == null) {
            throw new com.talentpipeline.core.web.ApiProblemException(org.springframework.http.HttpStatus.BAD_REQUEST,
                    "validation_failed", "The body is empty",
                    java.util.List.of(new com.talentpipeline.core.web.FieldProblem("query", "must not be blank")), null);
        }
        if (request.resumeId() == null || request.resumeId().isBlank()) {
            problems.add("resume_id", "must not be blank");
        } else if (request.resumeId().length() > 200) {
            problems.add("resume_id", "must be at most 200 characters");
        }
        if (request.query() == null || request.query().isBlank()) {
            problems.add("query", "must not be blank");
        } else if (request.query().strip().length() > settings.maxChars()) {
            problems.add("query", "must be at most " + settings.maxChars() + " characters");
        }
        problems.throwIfAny("The query");
    }
}
