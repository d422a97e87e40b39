package com.talentpipeline.results.task;

import com.talentpipeline.core.tenant.RequestTenant;
import com.talentpipeline.core.web.ApiProblemException;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** {@code GET /v1/tasks/{id}}: state, timestamps, model and the result's link (or the result itself). */
@RestController
@RequestMapping("/v1/tasks")
public class TaskController {

    private final TaskStore store;

    public TaskController(TaskStore store) {
        this.store = store;
    }

    @GetMapping(path = "/{taskId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<TaskView> task(@PathVariable String taskId,
            @RequestParam(defaultValue = "false") boolean includeResult, ServerWebExchange exchange) {
        UUID id = parse(taskId);
        Mono<TaskView> task = store.find(RequestTenant.of(exchange), id)
                .switchIfEmpty(Mono.error(() -> ApiProblemException.notFound("Task", taskId)));
        if (!includeResult) {
            return task;
        }
        return task.flatMap(view -> store.result(id).map(view::withResult).defaultIfEmpty(view));
    }

    /** A malformed id cannot name a task, so it is as unknown as any other. */
    private static UUID parse(String taskId) {
        try {
            return UUID.fromString(taskId);
        } catch (IllegalArgumentException e) {
            throw ApiProblemException.notFound("Task", taskId);
        }
    }
}
