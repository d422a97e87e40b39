package com.talentpipeline.ingest.ask;

import com.talentpipeline.core.kafka.reply.RequestAccepted;
import com.talentpipeline.core.kafka.reply.RequestReply;
import com.talentpipeline.core.match.MatchBatchRequested;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.tenant.RequestTenant;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.core.web.ApiProblemException;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code POST /v1/matches/batch}: one resume against up to 1000 jobs, always a {@code match.batch} task
 * ({@code 202}) that the matching worker computes from {@code match.batch.requested}, with progress. Resumes
 * and jobs are this module's, so an unknown id of the caller's tenant is 404 before anything is accepted;
 * closed jobs are named in the request and reported as {@code skipped}.
 */
@RestController
class BatchMatchController {

    private final RequestReply requests;
    private final Documents documents;
    private final AskProperties.Matching settings;

    BatchMatchController(RequestReply requests, Documents documents, AskProperties properties) {
        this.requests = requests;
        this.documents = documents;
        this.settings = properties.matching();
    }

    @ApiResponse(responseCode = "202", description = "The match.batch task; its progress and result are read on the task",
            content = @Content(schema = @Schema(implementation = RequestAccepted.class)))
    @PostMapping(path = "/v1/matches/batch", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Object>> batch(@RequestBody(required = false) BatchMatchRequest request,
            @RequestHeader(name = "traceparent", required = false) String traceparent, ServerWebExchange exchange) {
        String tenant = RequestTenant.of(exchange);
        String resumeId = Params.required(request == null ? null : request.resumeId(), "resume_id");
        Set<String> ids = jobIds(request.jobIds());
        if (request.limit() != null && (request.limit() < 1 || request.limit() > settings.batchMaxJobs())) {
            throw Params.invalid("limit", "must be between 1 and " + settings.batchMaxJobs());
        }
        return documents.resume(tenant, resumeId)
                .then(documents.jobStatuses(tenant, ids))
                .flatMap(statuses -> {
                    List<String> open = new ArrayList<>();
                    List<String> closed = new ArrayList<>();
                    for (String id : ids) {
                        String status = statuses.get(id);
                        if (status == null) {
                            return Mono.error(ApiProblemException.notFound("Job", id));
                        }
                        ("closed".equalsIgnoreCase(status) ? closed : open).add(id);
                    }
                    // Always a task: a batch takes seconds to minutes, progress is on the task.
                    return requests.ask(new RequestReply.Request<>(Topics.MATCH_BATCH_REQUESTED, TaskType.MATCH_BATCH,
                            tenant, resumeId, traceparent, new MatchBatchRequested(resumeId, open, closed,
                                    request.limit())), Duration.ZERO);
                });
    }

    private Set<String> jobIds(List<String> given) {
        if (given == null || given.isEmpty()) {
            throw Params.invalid("job_ids", "must list at least one job id");
        }
        if (given.size() > settings.batchMaxJobs()) {
            throw Params.invalid("job_ids", "must list at most " + settings.batchMaxJobs() + " job ids");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            ids.add(Params.required(given.get(i), "job_ids[" + i + "]"));
        }
        return ids;
    }
}
