package com.talentpipeline.matching.web;

import com.talentpipeline.core.task.ErrorCode;
import com.talentpipeline.core.task.ModelRef;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.tenant.RequestTenant;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.inference.model.ModelInfo;
import com.talentpipeline.inference.text.TextEncoder;
import com.talentpipeline.matching.compare.JobProfile;
import com.talentpipeline.matching.compare.MatchResult;
import com.talentpipeline.matching.compare.ResumeProfile;
import com.talentpipeline.matching.config.MatchingProperties;
import com.talentpipeline.matching.index.Indexes;
import com.talentpipeline.matching.recommend.Comparisons;
import com.talentpipeline.matching.recommend.Profiles;
import com.talentpipeline.matching.store.DocumentStore;
import com.talentpipeline.matching.store.StoredDocument;
import com.talentpipeline.matching.task.TaskPublisher;
import com.talentpipeline.matching.task.TaskPublisher.TaskRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code POST /v1/matches/batch} (one resume, up to 1000 jobs: a {@code match.batch} task with progress),
 * 202 once the task's RUNNING event is acknowledged; the result is read from the results API. Unknown ids
 * of the caller's tenant are 404 before anything is accepted. One-to-one matches ({@code POST /v1/matches})
 * are asked at the front door and reach this worker on {@code match.requested} ({@code task.MatchRequests}).
 */
@RestController
public class MatchController {

    private static final Logger log = LoggerFactory.getLogger(MatchController.class);

    private final DocumentStore documents;
    private final Profiles profiles;
    private final Comparisons comparisons;
    private final TaskPublisher tasks;
    private final Indexes indexes;
    private final TextEncoder encoder;
    private final MatchingProperties properties;
    private final ExecutorService executor;

    public MatchController(DocumentStore documents, Profiles profiles, Comparisons comparisons, TaskPublisher tasks,
            Indexes indexes, TextEncoder encoder, MatchingProperties properties,
            @Qualifier("matchingExecutor") ExecutorService executor) {
        this.documents = documents;
        this.profiles = profiles;
        this.comparisons = comparisons;
        this.tasks = tasks;
        this.indexes = indexes;
        this.encoder = encoder;
        this.properties = properties;
        this.executor = executor;
    }

    @PostMapping(path = "/v1/matches/batch", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Map<String, Object>>> batch(@RequestBody(required = false) BatchMatchRequest request,
            ServerWebExchange exchange) {
        if (request == null) {
            throw Problems.invalid("resumeId", "must not be blank");
        }
        String tenant = RequestTenant.of(exchange);
        String resumeId = Problems.required(request.resumeId(), "resumeId");
        if (request.jobIds() == null || request.jobIds().isEmpty()) {
            throw Problems.invalid("jobIds", "must list at least one job id");
        }
        int max = properties.batch().maxJobs();
        if (request.jobIds().size() > max) {
            throw Problems.invalid("jobIds", "must list at most " + max + " job ids");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < request.jobIds().size(); i++) {
            ids.add(Problems.required(request.jobIds().get(i), "jobIds[" + i + "]"));
        }
        int limit = Problems.limit(request.limit(), Math.min(properties.batch().defaultLimit(), ids.size()), max, "limit");
        return Mono.zip(resume(tenant, resumeId), documents.jobs(tenant, ids).collectMap(StoredDocument::id))
                .flatMap(found -> {
                    for (String id : ids) {
                        if (!found.getT2().containsKey(id)) {
                            return Mono.error(ApiProblemException.notFound("Job", id));
                        }
                    }
                    List<String> open = ids.stream().filter(id -> !"closed".equalsIgnoreCase(found.getT2().get(id).status())).toList();
                    List<String> closed = ids.stream().filter(id -> !open.contains(id)).toList();
                    TaskRef task = new TaskRef(UUID.randomUUID(), TaskType.MATCH_BATCH, tenant, resumeId);
                    return tasks.accepted(task)
                            .doOnSuccess(t -> executor.execute(() -> runBatch(t, found.getT1(), open, closed, limit)))
                            .map(t -> Accepted.of(t, properties.resultsBaseUrl()));
                });
    }

    private Mono<StoredDocument> resume(String tenant, String id) {
        return documents.resume(tenant, id).switchIfEmpty(Mono.error(() -> ApiProblemException.notFound("Resume", id)));
    }

    private void runBatch(TaskRef task, StoredDocument resumeRow, List<String> jobIds, List<String> closed, int limit) {
        try {
            ResumeProfile resume = profiles.awaitResume(resumeRow, properties.embeddingsWait());
            if (resume == null) {
                tasks.failed(task, ErrorCode.INTERNAL_ERROR, "the resume has no embeddings after "
                        + properties.embeddingsWait().toSeconds() + "s");
                return;
            }
            List<JobProfile> jobs = new ArrayList<>();
            List<String> pending = new ArrayList<>();
            for (String id : jobIds) {
                JobProfile job = indexes.jobs().get(task.tenantId(), id);
                if (job == null) {
                    job = profiles.awaitJob(task.tenantId(), id, pending.isEmpty() ? properties.embeddingsWait() : java.time.Duration.ZERO);
                }
                if (job == null) {
                    pending.add(id);
                } else {
                    jobs.add(job);
                }
            }
            List<MatchResult> ranked = comparisons.batch(resume, jobs, limit, p -> tasks.progress(task, p));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("resumeId", resume.resumeId());
            result.put("compared", jobs.size());
            result.put("limit", limit);
            result.put("results", ranked);
            List<String> skipped = new ArrayList<>(closed);
            skipped.addAll(pending);
            result.put("skipped", skipped);
            tasks.succeeded(task, model(), result, false);
        } catch (RuntimeException e) {
            log.warn("batch task {} failed: {}", task.taskId(), e.toString());
            tasks.failed(task, ErrorCode.INTERNAL_ERROR, "the batch comparison failed: " + e.getClass().getSimpleName());
        }
    }

    private ModelRef model() {
        ModelInfo info = encoder.info();
        return new ModelRef(info.name(), info.version(), info.dimension());
    }
}
