package com.talentpipeline.results.embedding;

import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.tenant.RequestTenant;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.results.task.TaskStore;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v1/resumes/{id}/embeddings} and {@code GET /v1/jobs/{id}/embeddings}: the section
 * embeddings of the highest document version that has them, with the model that made them,
 * {@code version}, {@code documentVersion} and {@code current}. 404 for an unknown id; 409 while the document
 * exists but has no embeddings yet (its task is still running or failed).
 */
@RestController
class EmbeddingsController {

    private final TaskStore store;

    public EmbeddingsController(TaskStore store) {
        this.store = store;
    }

    @ApiResponse(responseCode = "200", description = "The resume's latest embeddings",
            content = @Content(schema = @Schema(implementation = ServedResumeEmbeddings.class)))
    @GetMapping(path = "/v1/resumes/{id}/embeddings", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<JsonNode> resume(@PathVariable String id, ServerWebExchange exchange) {
        return latest(RequestTenant.of(exchange), "Resume", id, TaskType.RESUME_EMBEDDING);
    }

    @ApiResponse(responseCode = "200", description = "The job's latest embeddings",
            content = @Content(schema = @Schema(implementation = ServedJobEmbeddings.class)))
    @GetMapping(path = "/v1/jobs/{id}/embeddings", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<JsonNode> job(@PathVariable String id, ServerWebExchange exchange) {
        return latest(RequestTenant.of(exchange), "Job", id, TaskType.JOB_EMBEDDING);
    }

    private Mono<JsonNode> latest(String tenant, String what, String id, TaskType type) {
        return store.latestResult(tenant, id, type.wireName()).flatMap(latest -> {
            if (latest.result() != null) {
                return Mono.just(withVersions(latest.result(), latest.documentVersion()));
            }
            return Mono.error(latest.documentExists()
                    ? new ApiProblemException(HttpStatus.CONFLICT, "not_ready",
                            what + " " + id + " has no embeddings yet; poll its task")
                    : ApiProblemException.notFound(what, id));
        });
    }

    /**
     * Says which version the embeddings are of ({@code version}, from the result), the document's
     * current version ({@code documentVersion}) and whether they are current: while a newer version is
     * still being processed the older embeddings are served with {@code current: false}, never as current.
     */
    private static JsonNode withVersions(JsonNode result, Integer documentVersion) {
        if (documentVersion != null && result instanceof ObjectNode object) {
            object.put("documentVersion", documentVersion);
            object.put("current", object.path("version").asInt(0) >= documentVersion);
        }
        return result;
    }
}
