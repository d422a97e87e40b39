package com.talentpipeline.results.task;

import com.talentpipeline.core.task.TaskState;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.tenant.RequestTenant;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.core.web.Cursors;
import com.talentpipeline.core.web.FieldProblem;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /v1/tasks/{id}}: state, timestamps, model and the result's link (or the result itself);
 * with {@code ?wait=30s} it long-polls (at most 60 s) and answers as soon as the task is terminal.
 * {@code GET /v1/tasks/{id}/events}: Server-Sent Events ({@code state} events with the task, a
 * heartbeat comment every 15 s) until the task is terminal. {@code GET /v1/tasks}: the tenant's tasks,
 * newest first, filtered by {@code state} and {@code type}, with cursor pagination.
 */
@RestController
@RequestMapping("/v1/tasks")
class TaskController {

    private static final Duration MAX_WAIT = Duration.ofSeconds(60);
    private static final Duration RECHECK = Duration.ofSeconds(1);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final Duration MAX_STREAM = Duration.ofMinutes(30);

    private final TaskStore store;
    private final TaskUpdates updates;

    public TaskController(TaskStore store, TaskUpdates updates) {
        this.store = store;
        this.updates = updates;
    }

    @GetMapping(path = "/{taskId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<TaskView> task(@PathVariable String taskId,
            @RequestParam(defaultValue = "false") boolean includeResult,
            @RequestParam(required = false) String wait, ServerWebExchange exchange) {
        UUID id = parse(taskId);
        String tenant = RequestTenant.of(exchange);
        Duration waitFor = waitDuration(wait);
        Mono<TaskView> task = store.find(tenant, id)
                .switchIfEmpty(Mono.error(() -> ApiProblemException.notFound("Task", taskId)));
        if (!waitFor.isZero()) {
            task = task.flatMap(first -> terminal(first) ? Mono.just(first)
                    : states(tenant, id).filter(TaskController::terminal).next()
                            .timeout(waitFor, store.find(tenant, id).defaultIfEmpty(first)));
        }
        if (!includeResult) {
            return task;
        }
        return task.flatMap(view -> store.result(id).map(view::withResult).defaultIfEmpty(view));
    }

    @GetMapping(path = "/{taskId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<TaskView>> events(@PathVariable String taskId, ServerWebExchange exchange) {
        UUID id = parse(taskId);
        String tenant = RequestTenant.of(exchange);
        // 404 as a normal response: the error comes before the first event, so nothing is committed yet.
        return store.find(tenant, id)
                .switchIfEmpty(Mono.error(() -> ApiProblemException.notFound("Task", taskId)))
                .flatMapMany(first -> {
                    Flux<ServerSentEvent<TaskView>> states = Flux.concat(Mono.just(first), terminal(first)
                                    ? Flux.empty() : states(tenant, id))
                            .distinctUntilChanged(v -> v.state() + "/" + v.progress())
                            .takeUntil(TaskController::terminal)
                            .map(v -> ServerSentEvent.<TaskView>builder(v).event("state")
                                    .id(v.state() + "-" + v.progress()).build());
                    Flux<ServerSentEvent<TaskView>> heartbeats = Flux.interval(HEARTBEAT)
                            .map(i -> ServerSentEvent.<TaskView>builder().comment("heartbeat").build());
                    // Heartbeats until the state stream ends (terminal state).
                    return states.publish(shared -> Flux.merge(shared, heartbeats.takeUntilOther(shared.then())))
                            .take(MAX_STREAM);
                });
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<TaskPage> list(@RequestParam(required = false) String state,
            @RequestParam(required = false) String type, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor, ServerWebExchange exchange) {
        if (state != null && !state.isBlank()) {
            try {
                TaskState.valueOf(state.strip());
            } catch (IllegalArgumentException e) {
                throw new ApiProblemException(HttpStatus.BAD_REQUEST, "invalid_parameter", "Unknown state " + state,
                        List.of(new FieldProblem("state", "must be one of " + List.of(TaskState.values()))), null);
            }
        }
        if (type != null && !type.isBlank() && java.util.Arrays.stream(TaskType.values())
                .noneMatch(t -> t.wireName().equals(type.strip()))) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, "invalid_parameter", "Unknown type " + type,
                    List.of(new FieldProblem("type", "is not a task type")), null);
        }
        int size = Cursors.limit(limit, 20, 100);
        String scope = Cursors.scope(RequestTenant.of(exchange), "tasks", blankToNull(state), blankToNull(type));
        Cursors.Position after = Cursors.decode(cursor, scope);
        UUID afterId = after == null ? null : after.uuid();
        return store.page(RequestTenant.of(exchange), blankToNull(state), blankToNull(type),
                        after == null ? null : after.createdAt(), afterId, size)
                .collectList()
                .map(rows -> {
                    boolean more = rows.size() > size;
                    List<TaskView> items = more ? rows.subList(0, size) : rows;
                    TaskView last = items.isEmpty() ? null : items.get(items.size() - 1);
                    return new TaskPage(items, more && last != null
                            ? Cursors.encode(last.createdAt(), last.taskId().toString(), scope) : null);
                });
    }

    /**
     * A page of {@code GET /v1/tasks}.
     *
     * @param items      the tasks, newest first
     * @param nextCursor the cursor of the next page; null on the last
     */
    public record TaskPage(List<TaskView> items, String nextCursor) {
    }

    /** The task's stored state each time it may have changed (a signal, or every second as a fallback). */
    private Flux<TaskView> states(String tenant, UUID id) {
        return Flux.merge(updates.of(id).map(x -> 0L), Flux.interval(RECHECK))
                .onBackpressureLatest()
                .concatMap(tick -> store.find(tenant, id), 1);
    }

    private static boolean terminal(TaskView view) {
        return Objects.equals(view.state(), "SUCCEEDED") || Objects.equals(view.state(), "FAILED");
    }

    /** {@code 30s}, {@code 30} (seconds), {@code 500ms}, {@code 1m} or ISO-8601; at most 60 s. */
    static Duration waitDuration(String wait) {
        if (wait == null || wait.isBlank()) {
            return Duration.ZERO;
        }
        String w = wait.strip().toLowerCase(java.util.Locale.ROOT);
        Duration d;
        try {
            if (w.startsWith("pt")) {
                d = Duration.parse(w.toUpperCase(java.util.Locale.ROOT));
            } else if (w.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(w.substring(0, w.length() - 2)));
            } else if (w.endsWith("m")) {
                d = Duration.ofMinutes(Long.parseLong(w.substring(0, w.length() - 1)));
            } else if (w.endsWith("s")) {
                d = Duration.ofSeconds(Long.parseLong(w.substring(0, w.length() - 1)));
            } else {
                d = Duration.ofSeconds(Long.parseLong(w));
            }
        } catch (RuntimeException e) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, "invalid_parameter", "wait must look like 30s",
                    List.of(new FieldProblem("wait", "must be a duration such as 30s (at most 60s)")), null);
        }
        if (d.isNegative()) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, "invalid_parameter", "wait must not be negative",
                    List.of(new FieldProblem("wait", "must not be negative")), null);
        }
        return d.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : d;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
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
