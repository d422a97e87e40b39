package com.talentpipeline.ingest.ask;

import com.talentpipeline.core.kafka.reply.RequestAccepted;
import com.talentpipeline.core.kafka.reply.RequestReply;
import com.talentpipeline.core.match.RecommendationsPage;
import com.talentpipeline.core.match.RecommendationsRequested;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.tenant.RequestTenant;
import com.talentpipeline.core.topic.Topics;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code GET /v1/resumes/{resumeId}/recommendations}: the open jobs best matching the resume's latest version,
 * ranked by the matching worker from its index through {@code recommendations.requested}: {@code 200} within
 * {@code pipeline.ingest.ask.matching.read-timeout}, else {@code 202} with a {@code recommendations.query}
 * task. An unknown resume is 404 here; one not embedded yet is the worker's 409 {@code embeddings_pending}.
 */
@RestController
class RecommendationsController {

    private final RequestReply requests;
    private final Documents documents;
    private final AskProperties.Matching settings;

    RecommendationsController(RequestReply requests, Documents documents, AskProperties properties) {
        this.requests = requests;
        this.documents = documents;
        this.settings = properties.matching();
    }

    @ApiResponse(responseCode = "200", description = "The matching worker's answer",
            content = @Content(schema = @Schema(implementation = RecommendationsPage.class)))
    @ApiResponse(responseCode = "202", description = "Not answered within the read timeout: the recommendations.query task",
            content = @Content(schema = @Schema(implementation = RequestAccepted.class)))
    @GetMapping(path = "/v1/resumes/{resumeId}/recommendations", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Object>> recommendations(@PathVariable String resumeId,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String location,
            @RequestParam(required = false) String remote,
            @RequestHeader(name = "traceparent", required = false) String traceparent, ServerWebExchange exchange) {
        String tenant = RequestTenant.of(exchange);
        String resume = Params.required(resumeId, "resumeId");
        RecommendationsRequested query = new RecommendationsRequested(resume, Params.limit(limit, "limit"),
                Params.optionalText(location, "location"), Params.bool(remote, "remote"));
        return documents.resume(tenant, resume)
                .then(requests.ask(new RequestReply.Request<>(Topics.RECOMMENDATIONS_REQUESTED,
                        TaskType.RECOMMENDATIONS_QUERY, tenant, resume, traceparent, query), settings.readTimeout()));
    }
}
