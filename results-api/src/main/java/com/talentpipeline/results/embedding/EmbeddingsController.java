package com.talentpipeline.results.embedding;

import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.task.Tenants;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.results.task.TaskStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /v1/resumes/{id}/embeddings} and {@code GET /v1/jobs/{id}/embeddings}: the newest
 * section embeddings with the model that made them. 404 for an unknown id; 409 while the document
 * exists but has no embeddings yet (its task is still running or failed).
 */
@RestController
public class EmbeddingsController {

    private final TaskStore store;

    public EmbeddingsController(TaskStore store) {
        this.store = store;
    }

    @GetMapping(path = "/v1/resumes/{id}/embeddings", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<JsonNode> resume(@PathVariable String id) {
        return latest("resumes", "Resume", id, TaskType.RESUME_EMBEDDING);
    }

    @GetMapping(path = "/v1/jobs/{id}/embeddings", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<JsonNode> job(@PathVariable String id) {
        return latest("jobs", "Job", id, TaskType.JOB_EMBEDDING);
    }

    private Mono<JsonNode> latest(String table, String what, String id, TaskType type) {
        return store.latestResult(Tenants.DEFAULT, id, type.wireName())
                .switchIfEmpty(Mono.defer(() -> store.documentExists(table, Tenants.DEFAULT, id)
                        .flatMap(exists -> Mono.error(exists
                                ? new ApiProblemException(HttpStatus.CONFLICT, "not_ready",
                                        what + " " + id + " has no embeddings yet; poll its task")
                                : ApiProblemException.notFound(what, id)))));
    }
}
