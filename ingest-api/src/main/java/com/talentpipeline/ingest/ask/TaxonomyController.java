package com.talentpipeline.ingest.ask;

import com.talentpipeline.core.career.CareerRequested;
import com.talentpipeline.core.career.TaxonomyList;
import com.talentpipeline.core.career.TaxonomyRequested;
import com.talentpipeline.core.career.TaxonomyRequested.Operation;
import com.talentpipeline.core.career.TaxonomyView;
import com.talentpipeline.core.kafka.reply.RequestReply;
import com.talentpipeline.core.tenant.RequestTenant;
import com.talentpipeline.core.topic.Topics;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The tenant's stored career taxonomies ({@code POST/GET/DELETE /v1/career-paths/taxonomies[/{id}]}), kept
 * by the scoring worker (owner of {@code career_taxonomies}) and reached through {@code taxonomy.requested}
 * as queries: the worker's reply is the answer (201 + Location, 200, 204; its 404), and a worker that does
 * not answer within {@code pipeline.ingest.ask.query-timeout} is 503 with Retry-After. The body's shape and
 * limits are checked here (400/413) before anything is published.
 */
@RestController
class TaxonomyController {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final String BUILT_IN = "builtin";
    private static final String PATH = "/v1/career-paths/taxonomies";

    private final RequestReply requests;
    private final AskProperties properties;

    TaxonomyController(RequestReply requests, AskProperties properties) {
        this.requests = requests;
        this.properties = properties;
    }

    @ApiResponse(responseCode = "201", description = "Stored (Location: the taxonomy)",
            content = @Content(schema = @Schema(implementation = TaxonomyView.class)))
    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<JsonNode>> create(@RequestBody(required = false) TaxonomyBody body,
            @RequestHeader(name = "traceparent", required = false) String traceparent, ServerWebExchange exchange) {
        validate(body);
        String id = body.id() == null ? UUID.randomUUID().toString() : body.id();
        return ask(exchange, id, traceparent, new TaxonomyRequested(Operation.CREATE, id, body.name().strip(), body.labels()))
                .map(stored -> ResponseEntity.status(HttpStatus.CREATED).location(URI.create(PATH + "/" + id)).body(stored));
    }

    @ApiResponse(responseCode = "200", description = "The built-in taxonomy and the tenant's, newest first",
            content = @Content(schema = @Schema(implementation = TaxonomyList.class)))
    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<JsonNode> list(@RequestHeader(name = "traceparent", required = false) String traceparent,
            ServerWebExchange exchange) {
        return ask(exchange, null, traceparent, new TaxonomyRequested(Operation.LIST, null, null, null));
    }

    @ApiResponse(responseCode = "200", description = "The taxonomy's labels, with their example counts",
            content = @Content(schema = @Schema(implementation = TaxonomyView.class)))
    @GetMapping(path = PATH + "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<JsonNode> get(@PathVariable String id, @RequestHeader(name = "traceparent", required = false) String traceparent,
            ServerWebExchange exchange) {
        return ask(exchange, id, traceparent, new TaxonomyRequested(Operation.GET, id, null, null));
    }

    @ApiResponse(responseCode = "204", description = "Deleted")
    @DeleteMapping(path = PATH + "/{id}")
    Mono<ResponseEntity<Void>> delete(@PathVariable String id,
            @RequestHeader(name = "traceparent", required = false) String traceparent, ServerWebExchange exchange) {
        return ask(exchange, id, traceparent, new TaxonomyRequested(Operation.DELETE, id, null, null))
                .thenReturn(ResponseEntity.noContent().build());
    }

    /** Keyed by the taxonomy so one taxonomy's changes stay in order; a list by the tenant. */
    private Mono<JsonNode> ask(ServerWebExchange exchange, String id, String traceparent, TaxonomyRequested request) {
        String tenant = RequestTenant.of(exchange);
        return requests.query(new RequestReply.Request<>(Topics.TAXONOMY_REQUESTED, null, tenant,
                id == null ? tenant : id, traceparent, request), properties.queryTimeout());
    }

    private void validate(TaxonomyBody body) {
        Problems problems = new Problems();
        if (body == null) {
            problems.add("body", "must not be empty");
            problems.throwIfAny("The taxonomy");
        }
        if (body.id() != null && (!ID.matcher(body.id()).matches() || body.id().equals(BUILT_IN))) {
            problems.add("id", "must be 1-100 letters, digits, '.', '_' or '-', and not 'builtin'");
        }
        if (body.name() == null || body.name().isBlank() || body.name().length() > 200) {
            problems.add("name", "must be 1-200 characters");
        }
        if (body.labels() == null) {
            problems.add("labels", "must not be empty");
        } else {
            CareerLabels.validate(body.labels(), properties.career(), problems);
        }
        problems.throwIfAny("The taxonomy");
    }

}
