package com.talentpipeline.ingest.ask;

import com.talentpipeline.core.kafka.reply.RequestReply;
import com.talentpipeline.core.rag.RagLookup;
import com.talentpipeline.core.rag.RagLookup.What;
import com.talentpipeline.core.rag.RagViews;
import com.talentpipeline.core.tenant.RequestTenant;
import com.talentpipeline.core.topic.Topics;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Reads of the RAG worker's index ({@code GET /v1/rag/resumes/{id}}, {@code /v1/rag/info},
 * {@code /v1/rag/health}), asked through {@code rag.lookup} as queries: they describe the index the worker
 * holds now (its cache, model and store), which no published event carries. The worker's 404 passes
 * through; a worker that does not answer within {@code pipeline.ingest.ask.query-timeout} is 503, and a
 * health answer with {@code status} DOWN is 503 with that body.
 */
@RestController
class RagReadController {

    private final RequestReply requests;
    private final AskProperties properties;

    RagReadController(RequestReply requests, AskProperties properties) {
        this.requests = requests;
        this.properties = properties;
    }

    /** The indexed version of a resume and its chunks (without vectors); 404 while it is not indexed. */
    @ApiResponse(responseCode = "200", description = "The indexed version and its chunks",
            content = @Content(schema = @Schema(implementation = RagViews.RagIndexedResume.class)))
    @GetMapping(path = "/v1/rag/resumes/{resumeId}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<JsonNode> indexed(@PathVariable String resumeId,
            @RequestHeader(name = "traceparent", required = false) String traceparent, ServerWebExchange exchange) {
        return ask(exchange, resumeId, traceparent, new RagLookup(What.RESUME, resumeId));
    }

    /** The model, the retrieval settings and the caller tenant's index sizes. */
    @ApiResponse(responseCode = "200", description = "The worker's model, settings and the tenant's index sizes",
            content = @Content(schema = @Schema(implementation = RagViews.RagInfo.class)))
    @GetMapping(path = "/v1/rag/info", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<JsonNode> info(@RequestHeader(name = "traceparent", required = false) String traceparent,
            ServerWebExchange exchange) {
        return ask(exchange, null, traceparent, new RagLookup(What.INFO, null));
    }

    /** Whether the worker's text model and index store are up (503 when not). */
    @ApiResponse(responseCode = "200", description = "Text model and index store are UP",
            content = @Content(schema = @Schema(implementation = RagViews.RagHealth.class)))
    @ApiResponse(responseCode = "503", description = "A part is DOWN (the body says which), or the worker did not "
            + "answer in time (problem+json, Retry-After)", content = {
                @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = RagViews.RagHealth.class)),
                @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        schema = @Schema(ref = "#/components/schemas/Problem"))})
    @GetMapping(path = "/v1/rag/health", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<JsonNode>> health(@RequestHeader(name = "traceparent", required = false) String traceparent,
            ServerWebExchange exchange) {
        return ask(exchange, null, traceparent, new RagLookup(What.HEALTH, null))
                .map(body -> ResponseEntity.status("UP".equals(body.path("status").asString(""))
                        ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body));
    }

    private Mono<JsonNode> ask(ServerWebExchange exchange, String resumeId, String traceparent, RagLookup lookup) {
        String tenant = RequestTenant.of(exchange);
        return requests.query(new RequestReply.Request<>(Topics.RAG_LOOKUP, null, tenant,
                resumeId == null ? tenant : resumeId, traceparent, lookup), properties.queryTimeout());
    }
}
