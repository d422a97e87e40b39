package com.talentpipeline.ingest.ask;

import com.talentpipeline.core.kafka.reply.RequestAccepted;
import com.talentpipeline.core.kafka.reply.RequestReply;
import com.talentpipeline.core.match.CandidatePage;
import com.talentpipeline.core.match.CandidatesRequested;
import com.talentpipeline.core.match.JobClusters;
import com.talentpipeline.core.match.JobClustersRequested;
import com.talentpipeline.core.match.JobSearchPage;
import com.talentpipeline.core.match.JobSearchRequested;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.tenant.RequestTenant;
import com.talentpipeline.core.topic.Topics;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Questions about the tenant's jobs, answered by the matching worker from its in-memory index through
 * request-reply: {@code GET /v1/jobs/search}, {@code GET /v1/jobs/{jobId}/candidates} ({@code 200} within
 * {@code pipeline.ingest.ask.matching.read-timeout}) and {@code POST /v1/jobs/clusters} (within
 * {@code clusters-timeout}); past the deadline {@code 202} with a task the worker completes. Parameter shapes
 * are checked here (400), the job of a candidates query too (404, 409 {@code job_closed}); an index still
 * loading (503), a bad cursor (400), a job not indexed yet (409) or too few jobs to cluster (422) are the
 * worker's answers.
 */
@RestController
class JobQueriesController {

    private final RequestReply requests;
    private final Documents documents;
    private final AskProperties.Matching settings;

    JobQueriesController(RequestReply requests, Documents documents, AskProperties properties) {
        this.requests = requests;
        this.documents = documents;
        this.settings = properties.matching();
    }

    @ApiResponse(responseCode = "200", description = "One page of the ranked jobs",
            content = @Content(schema = @Schema(implementation = JobSearchPage.class)))
    @ApiResponse(responseCode = "202", description = "Not answered within the read timeout: the job.search task",
            content = @Content(schema = @Schema(implementation = RequestAccepted.class)))
    @GetMapping(path = "/v1/jobs/search", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Object>> search(@RequestParam(required = false) String query,
            @RequestParam(required = false) String location, @RequestParam(required = false) String remote,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
            @RequestHeader(name = "traceparent", required = false) String traceparent, ServerWebExchange exchange) {
        String tenant = RequestTenant.of(exchange);
        if (query == null || query.isBlank()) {
            throw Params.invalid("query", "must not be blank");
        }
        if (query.length() > 500) {
            throw Params.invalid("query", "must be at most 500 characters");
        }
        JobSearchRequested search = new JobSearchRequested(query.strip(), Params.optionalText(location, "location"),
                Params.bool(remote, "remote"), Params.limit(limit, "limit"), blankToNull(cursor));
        return requests.ask(new RequestReply.Request<>(Topics.JOB_SEARCH_REQUESTED, TaskType.JOB_SEARCH, tenant, tenant,
                traceparent, search), settings.readTimeout());
    }

    @ApiResponse(responseCode = "200", description = "One page of the ranked resumes",
            content = @Content(schema = @Schema(implementation = CandidatePage.class)))
    @ApiResponse(responseCode = "202", description = "Not answered within the read timeout: the job.candidates task",
            content = @Content(schema = @Schema(implementation = RequestAccepted.class)))
    @GetMapping(path = "/v1/jobs/{jobId}/candidates", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Object>> candidates(@PathVariable String jobId, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) String minScore,
            @RequestParam(required = false) String location, @RequestParam(required = false) String remote,
            @RequestHeader(name = "traceparent", required = false) String traceparent, ServerWebExchange exchange) {
        String tenant = RequestTenant.of(exchange);
        String job = Params.required(jobId, "jobId");
        CandidatesRequested candidates = new CandidatesRequested(job, Params.limit(limit, "limit"), blankToNull(cursor),
                Params.score(minScore, "minScore"), Params.optionalText(location, "location"), Params.bool(remote, "remote"));
        return documents.openJob(tenant, job)
                .then(requests.ask(new RequestReply.Request<>(Topics.JOB_CANDIDATES_REQUESTED, TaskType.JOB_CANDIDATES,
                        tenant, job, traceparent, candidates), settings.readTimeout()));
    }

    @ApiResponse(responseCode = "200", description = "The clustering of the tenant's active jobs",
            content = @Content(schema = @Schema(implementation = JobClusters.class)))
    @ApiResponse(responseCode = "202", description = "Not answered within the clusters timeout: the job.clusters task",
            content = @Content(schema = @Schema(implementation = RequestAccepted.class)))
    @PostMapping(path = "/v1/jobs/clusters", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Object>> clusters(@RequestBody(required = false) ClusterRequest request,
            @RequestHeader(name = "traceparent", required = false) String traceparent, ServerWebExchange exchange) {
        String tenant = RequestTenant.of(exchange);
        Integer k = request == null ? null : request.k();
        if (k != null && (k < 2 || k > 50)) {
            throw Params.invalid("k", "must be between 2 and 50");
        }
        return requests.ask(new RequestReply.Request<>(Topics.JOB_CLUSTERS_REQUESTED, TaskType.JOB_CLUSTERS, tenant,
                tenant, traceparent, new JobClustersRequested(k)), settings.clustersTimeout());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
