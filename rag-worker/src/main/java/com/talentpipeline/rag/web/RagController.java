package com.talentpipeline.rag.web;

import com.talentpipeline.core.tenant.RequestTenant;
import org.springframework.web.server.ServerWebExchange;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.core.web.FieldProblem;
import com.talentpipeline.inference.model.ModelInfo;
import com.talentpipeline.rag.answer.Answer;
import com.talentpipeline.rag.answer.RagService;
import com.talentpipeline.rag.config.RagProperties;
import com.talentpipeline.rag.index.ChunkStore;
import com.talentpipeline.rag.index.IndexedResume;
import com.talentpipeline.rag.index.RagIndex;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The query API of the worker that owns the index: {@code POST /v1/rag/queries} answers within the
 * timeout (200) or hands back a task (202); {@code GET /v1/rag/info} and {@code GET /v1/rag/health}.
 */
@RestController
public class RagController implements DisposableBean {

    private final RagIndex index;
    private final RagService service;
    private final ChunkStore store;
    private final QueryTasks tasks;
    private final RagProperties properties;
    /** Model calls run here, off the event loop; a query that outlives its timeout keeps running. */
    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "rag-query");
        t.setDaemon(true);
        return t;
    });

    public RagController(RagIndex index, RagService service, ChunkStore store, QueryTasks tasks,
            RagProperties properties) {
        this.index = index;
        this.service = service;
        this.store = store;
        this.tasks = tasks;
        this.properties = properties;
    }

    @PostMapping(path = "/v1/rag/queries", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Map<String, Object>>> query(@RequestBody RagQueryRequest request,
            org.springframework.web.server.ServerWebExchange exchange) {
        String tenant = com.talentpipeline.core.tenant.RequestTenant.of(exchange);
        validate(request);
        String resumeId = request.resumeId().strip();
        String question = request.query().strip();
        boolean metadata = Boolean.TRUE.equals(request.includeMetadata());
        Duration limit = properties.query().timeout();
        Duration timeout = request.timeoutMillis() == null ? limit
                : Duration.ofMillis(Math.min(Math.max(0, request.timeoutMillis()), limit.toMillis()));
        return index.find(tenant, resumeId)
                .switchIfEmpty(Mono.error(() -> ApiProblemException.notFound("Resume", resumeId)))
                .flatMap(resume -> {
                    long t0 = System.nanoTime();
                    CompletableFuture<Map<String, Object>> work = CompletableFuture.supplyAsync(
                            () -> answer(resume, question, metadata, t0), executor);
                    if (timeout.isZero()) {
                        // "Always a task": not a race with the answer, which a cached question can win at once.
                        return accepted(tenant, resumeId, work);
                    }
                    Mono<ResponseEntity<Map<String, Object>>> sync = Mono.fromFuture(work, true)
                            .map(body -> ResponseEntity.ok(body));
                    return sync.timeout(timeout, Mono.defer(() -> accepted(tenant, resumeId, work)));
                });
    }

    private Map<String, Object> answer(IndexedResume resume, String question, boolean metadata, long t0) {
        Answer answer = service.answer(resume, question);
        long[] counts = store.countQuery(resume.resumeId(), answer.answered()).block(Duration.ofSeconds(10));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("resumeId", resume.resumeId());
        body.put("resumeVersion", resume.version());
        body.put("query", question);
        body.put("response", answer.response());
        body.put("answered", answer.answered());
        body.put("citations", answer.citations());
        body.put("topScore", answer.topScore());
        body.put("mode", answer.mode());
        body.put("fallbackReason", answer.fallbackReason());
        body.put("processing_time", Math.round((System.nanoTime() - t0) / 100_000.0) / 10.0);
        if (metadata && counts != null) {
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("total_queries", counts[0]);
            meta.put("successful_queries", counts[1]);
            meta.put("success_rate", counts[0] == 0 ? 0.0 : Math.round(10_000.0 * counts[1] / counts[0]) / 10_000.0);
            body.put("metadata", meta);
        }
        return body;
    }

    private Mono<ResponseEntity<Map<String, Object>>> accepted(String tenant, String resumeId,
            CompletableFuture<Map<String, Object>> work) {
        ModelInfo model = index.encoder().info();
        return tasks.start(tenant, resumeId, model, work).map(taskId -> {
            String taskUrl = properties.resultsBaseUrl().replaceAll("/+$", "") + "/v1/tasks/" + taskId;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("taskId", taskId.toString());
            body.put("resumeId", resumeId);
            body.put("status", "ACCEPTED");
            body.put("taskUrl", taskUrl);
            return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(taskUrl)).body(body);
        });
    }

    private void validate(RagQueryRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request == null) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, "validation_failed", "The body is empty",
                    List.of(new FieldProblem("query", "must not be blank")), null);
        }
        if (request.resumeId() == null || request.resumeId().isBlank()) {
            problems.add(new FieldProblem("resumeId", "must not be blank"));
        }
        if (request.query() == null || request.query().isBlank()) {
            problems.add(new FieldProblem("query", "must not be blank"));
        } else if (request.query().strip().length() > properties.query().maxChars()) {
            problems.add(new FieldProblem("query", "must be at most " + properties.query().maxChars() + " characters"));
        }
        if (!problems.isEmpty()) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, "validation_failed",
                    "The query is invalid: " + problems.get(0).field() + " " + problems.get(0).message(), problems, null);
        }
    }

    /** The indexed version of a resume and its chunks (without vectors); 404 while it is not indexed. */
    @GetMapping(path = "/v1/rag/resumes/{resumeId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Map<String, Object>> indexed(@org.springframework.web.bind.annotation.PathVariable String resumeId,
            org.springframework.web.server.ServerWebExchange exchange) {
        return index.find(com.talentpipeline.core.tenant.RequestTenant.of(exchange), resumeId)
                .switchIfEmpty(Mono.error(() -> ApiProblemException.notFound("Resume", resumeId)))
                .map(resume -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("resumeId", resume.resumeId());
                    body.put("version", resume.version());
                    body.put("model", resume.model());
                    body.put("text", resume.text());
                    body.put("chunks", resume.chunks().stream().map(c -> Map.of("chunkId", c.chunkId(),
                            "section", c.section(), "text", c.text(), "charStart", c.charStart(),
                            "charEnd", c.charEnd())).toList());
                    return body;
                });
    }

    /**
     * The model (id, version, dimension), the retrieval settings, and the caller tenant's index sizes.
     * Nothing about other tenants (their counts would tell one tenant about another's activity) and no
     * file paths or infrastructure versions.
     */
    @GetMapping(path = "/v1/rag/info", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Map<String, Object>> info(ServerWebExchange exchange) {
        String tenant = RequestTenant.of(exchange);
        return store.sizes(tenant).map(sizes -> {
            ModelInfo model = index.encoder().info();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("model", Map.of("name", model.name(), "version", model.version(), "dimension", model.dimension()));
            body.put("retrieval", properties.retrieval());
            body.put("answer", properties.answer());
            body.put("query", Map.of("timeoutMillis", properties.query().timeout().toMillis(),
                    "maxChars", properties.query().maxChars()));
            body.put("llm", Map.of("enabled", properties.llm().enabled(),
                    "model", properties.llm().model() == null ? "" : properties.llm().model()));
            body.put("index", Map.of("resumes", sizes[0], "chunks", sizes[1],
                    "cachedResumes", index.cachedResumes(tenant), "cachedChunks", index.cachedChunks(tenant)));
            return body;
        });
    }

    @GetMapping(path = "/v1/rag/health", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Map<String, Object>>> health() {
        boolean model = index.encoder().isReady();
        return store.sizes().map(s -> true).timeout(Duration.ofSeconds(3)).onErrorReturn(false).map(db -> {
            boolean up = model && db;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", up ? "UP" : "DOWN");
            body.put("textModel", model ? "UP" : "DOWN");
            body.put("database", db ? "UP" : "DOWN");
            return ResponseEntity.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
        });
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
