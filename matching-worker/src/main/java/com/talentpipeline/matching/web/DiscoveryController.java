package com.talentpipeline.matching.web;

import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.tenant.RequestTenant;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.matching.cluster.JobClusterer;
import com.talentpipeline.matching.compare.JobProfile;
import com.talentpipeline.matching.compare.ResumeProfile;
import com.talentpipeline.matching.config.MatchingProperties;
import com.talentpipeline.matching.index.Indexes;
import com.talentpipeline.matching.recommend.JobFilter;
import com.talentpipeline.matching.recommend.Profiles;
import com.talentpipeline.matching.recommend.Recommender;
import com.talentpipeline.matching.search.JobSearch;
import com.talentpipeline.matching.search.SearchCursor;
import com.talentpipeline.matching.store.DocumentStore;
import com.talentpipeline.matching.task.TaskPublisher;
import com.talentpipeline.matching.task.TaskPublisher.TaskRef;
import com.talentpipeline.core.task.ErrorCode;
import com.talentpipeline.core.task.ModelRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Reads over the job index: {@code GET /v1/resumes/{id}/recommendations}, {@code GET /v1/jobs/search}
 * and {@code POST /v1/jobs/clusters}. All answer 503 while the index is still loading.
 */
@RestController
public class DiscoveryController {

    private final DocumentStore documents;
    private final Profiles profiles;
    private final Recommender recommender;
    private final JobSearch search;
    private final JobClusterer clusterer;
    private final Indexes indexes;
    private final TaskPublisher tasks;
    private final MatchingProperties properties;
    private final ExecutorService executor;

    public DiscoveryController(DocumentStore documents, Profiles profiles, Recommender recommender, JobSearch search,
            JobClusterer clusterer, Indexes indexes, TaskPublisher tasks, MatchingProperties properties,
            @Qualifier("matchingExecutor") ExecutorService executor) {
        this.documents = documents;
        this.profiles = profiles;
        this.recommender = recommender;
        this.search = search;
        this.clusterer = clusterer;
        this.indexes = indexes;
        this.tasks = tasks;
        this.properties = properties;
        this.executor = executor;
    }

    @GetMapping(path = "/v1/resumes/{resumeId}/recommendations", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Map<String, Object>> recommendations(@PathVariable String resumeId,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String location,
            @RequestParam(required = false) String remote, ServerWebExchange exchange) {
        String tenant = RequestTenant.of(exchange);
        var settings = properties.recommendations();
        int n = Problems.limit(limit, settings.defaultLimit(), settings.maxLimit(), "limit");
        JobFilter filter = new JobFilter(location, Problems.bool(remote, "remote"));
        requireReady();
        return documents.resume(tenant, resumeId)
                .switchIfEmpty(Mono.error(() -> ApiProblemException.notFound("Resume", resumeId)))
                .flatMap(row -> {
                    ResumeProfile profile = profiles.resume(row);
                    if (profile == null) {
                        return Mono.error(Problems.embeddingsPending(resumeId));
                    }
                    return Mono.fromCallable(() -> recommender.recommend(profile, n, filter))
                            .subscribeOn(Schedulers.boundedElastic())
                            .map(jobs -> {
                                Map<String, Object> body = new LinkedHashMap<>();
                                body.put("resumeId", resumeId);
                                body.put("resumeVersion", profile.version());
                                body.put("limit", n);
                                body.put("recommendations", jobs);
                                return body;
                            });
                });
    }

    @GetMapping(path = "/v1/jobs/search", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Map<String, Object>> search(@RequestParam(required = false) String query,
            @RequestParam(required = false) String location, @RequestParam(required = false) String remote,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
            ServerWebExchange exchange) {
        String tenant = RequestTenant.of(exchange);
        if (query == null || query.isBlank()) {
            throw Problems.invalid("query", "must not be blank");
        }
        if (query.length() > 500) {
            throw Problems.invalid("query", "must be at most 500 characters");
        }
        String q = query.strip();
        Boolean remoteFilter = Problems.bool(remote, "remote");
        int n = Problems.limit(limit, properties.search().defaultLimit(), properties.search().maxLimit(), "limit");
        String fingerprint = SearchCursor.fingerprint(tenant, q, location, remoteFilter);
        int offset = SearchCursor.decode(cursor, fingerprint);
        requireReady();
        return search.search(tenant, q, new JobFilter(location, remoteFilter), n, offset, fingerprint).map(page -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("query", q);
            body.put("results", page.hits());
            body.put("total", page.total());
            body.put("nextCursor", page.nextCursor());
            return body;
        });
    }

    @PostMapping(path = "/v1/jobs/clusters", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Object>> clusters(@RequestBody(required = false) ClusterRequest request,
            ServerWebExchange exchange) {
        String tenant = RequestTenant.of(exchange);
        Integer k = request == null ? null : request.k();
        if (k != null && (k < 2 || k > 50)) {
            throw Problems.invalid("k", "must be between 2 and 50");
        }
        requireReady();
        List<JobProfile> jobs = indexes.jobs().all(tenant, j -> true);
        if (jobs.size() < 3 || (k != null && k >= jobs.size())) {
            throw new ApiProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "not_enough_jobs",
                    "Clustering needs more active jobs than clusters (at least 3); there are " + jobs.size());
        }
        if (jobs.size() <= properties.clusters().syncMaxJobs()) {
            return Mono.fromCallable(() -> clusterer.cluster(jobs, k)).subscribeOn(Schedulers.boundedElastic())
                    .map(c -> ResponseEntity.ok((Object) c));
        }
        UUID taskId = UUID.randomUUID();
        TaskRef task = new TaskRef(taskId, TaskType.JOB_CLUSTERS, tenant, "jobs");
        return tasks.accepted(task).doOnSuccess(t -> executor.execute(() -> {
            try {
                tasks.succeeded(t, new ModelRef("kmeans++", "clusters-1", jobs.get(0).vector().length),
                        clusterer.cluster(jobs, k), false);
            } catch (RuntimeException e) {
                tasks.failed(t, ErrorCode.INTERNAL_ERROR, "clustering failed: " + e.getClass().getSimpleName());
            }
        })).map(t -> {
            ResponseEntity<Map<String, Object>> accepted = Accepted.of(t, properties.resultsBaseUrl());
            return ResponseEntity.status(accepted.getStatusCode()).headers(accepted.getHeaders()).body((Object) accepted.getBody());
        });
    }

    private void requireReady() {
        if (!indexes.ready()) {
            throw Problems.indexLoading();
        }
    }
}
