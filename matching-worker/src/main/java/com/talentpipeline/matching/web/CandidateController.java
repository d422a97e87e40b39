package com.talentpipeline.matching.web;

import com.talentpipeline.core.tenant.RequestTenant;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.matching.candidates.CandidateCursor;
import com.talentpipeline.matching.candidates.CandidateFilter;
import com.talentpipeline.matching.candidates.CandidateRanker;
import com.talentpipeline.matching.compare.JobProfile;
import com.talentpipeline.matching.config.MatchingProperties;
import com.talentpipeline.matching.index.Indexes;
import com.talentpipeline.matching.store.DocumentStore;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /v1/jobs/{id}/candidates}: the tenant's resumes ranked for one of its jobs, each with the
 * breakdown of {@code POST /v1/matches}, paged by an opaque cursor bound to tenant, job and filters.
 * Another tenant's job is 404, a closed job 409 {@code job_closed}, an index still loading 503.
 */
@RestController
public class CandidateController {

    private final DocumentStore documents;
    private final Indexes indexes;
    private final CandidateRanker ranker;
    private final MatchingProperties properties;

    public CandidateController(DocumentStore documents, Indexes indexes, CandidateRanker ranker, MatchingProperties properties) {
        this.documents = documents;
        this.indexes = indexes;
        this.ranker = ranker;
        this.properties = properties;
    }

    @GetMapping(path = "/v1/jobs/{jobId}/candidates", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Map<String, Object>> candidates(@PathVariable String jobId, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) String minScore,
            @RequestParam(required = false) String location, @RequestParam(required = false) String remote,
            ServerWebExchange exchange) {
        String tenant = RequestTenant.of(exchange);
        var settings = properties.candidates();
        int n = Problems.limit(limit, settings.defaultLimit(), settings.maxLimit(), "limit");
        CandidateFilter filter = new CandidateFilter(Problems.score(minScore, "minScore"),
                Problems.optionalText(location, "location"), Problems.bool(remote, "remote"));
        String scope = CandidateCursor.scope(tenant, jobId, filter);
        int offset = CandidateCursor.decode(cursor, scope, settings.maxDepth());
        int pageSize = Math.min(n, settings.maxDepth() - offset);
        if (!indexes.ready()) {
            throw Problems.indexLoading();
        }
        return documents.job(tenant, jobId)
                .switchIfEmpty(Mono.error(() -> ApiProblemException.notFound("Job", jobId)))
                .flatMap(row -> {
                    if ("closed".equalsIgnoreCase(row.status())) {
                        return Mono.error(Problems.jobClosed(jobId));
                    }
                    JobProfile job = indexes.jobs().get(tenant, jobId);
                    if (job == null) {
                        return Mono.error(Problems.jobPending(jobId));
                    }
                    return Mono.fromCallable(() -> ranker.rank(job, filter, offset, pageSize))
                            .subscribeOn(Schedulers.boundedElastic())
                            .map(page -> {
                                int next = offset + pageSize;
                                Map<String, Object> body = new LinkedHashMap<>();
                                body.put("jobId", jobId);
                                body.put("jobVersion", job.version());
                                body.put("limit", n);
                                body.put("candidates", page.candidates());
                                body.put("nextCursor", page.more() && next < settings.maxDepth()
                                        ? CandidateCursor.encode(next, scope) : null);
                                return body;
                            });
                });
    }
}
