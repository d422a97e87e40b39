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
 * The read API of the worker that owns the index: {@code GET /v1/rag/resumes/{id}}, {@code GET /v1/rag/info}
 * and {@code GET /v1/rag/health}. Questions ({@code POST /v1/rag/queries}) are asked at the front door and
 * reach this worker on {@code rag.requested} ({@code query.RagQueries}).
 */
@RestController
public class RagController {

    private final RagIndex index;
    private final ChunkStore store;
    private final RagProperties properties;

    public RagController(RagIndex index, ChunkStore store, RagProperties properties) {
        this.index = index;
        this.store = store;
        this.properties = properties;
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
}
