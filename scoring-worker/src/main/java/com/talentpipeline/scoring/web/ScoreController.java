package com.talentpipeline.scoring.web;

import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.tenant.RequestTenant;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.scoring.resume.AtsScore;
import com.talentpipeline.scoring.resume.ResumeScore;
import com.talentpipeline.scoring.resume.ResumeScorer;
import com.talentpipeline.scoring.store.Documents;
import com.talentpipeline.scoring.store.ScoreStore;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v1/resumes/{id}/score[?jobId=]}: the latest scored version of the caller's resume; with a
 * job, the ATS score is recomputed against it and lists the job's keywords found and missing. 404 for a
 * resume or job the tenant does not have; 409 {@code not_ready} while the resume is not scored yet.
 */
@RestController
public class ScoreController {

    private final ScoreStore store;
    private final Documents documents;
    private final ResumeScorer scorer;

    public ScoreController(ScoreStore store, Documents documents, ResumeScorer scorer) {
        this.store = store;
        this.documents = documents;
        this.scorer = scorer;
    }

    @GetMapping(path = "/v1/resumes/{resumeId}/score", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<String>> score(@PathVariable String resumeId, @RequestParam(required = false) String jobId,
            ServerWebExchange exchange) {
        String tenant = RequestTenant.of(exchange);
        return documents.resume(tenant, resumeId)
                .switchIfEmpty(Mono.error(() -> ApiProblemException.notFound("Resume", resumeId)))
                .flatMap(resume -> store.latest(tenant, resumeId)
                        .switchIfEmpty(Mono.error(() -> new ApiProblemException(HttpStatus.CONFLICT, "not_ready",
                                "Resume " + resumeId + " is not scored yet; retry shortly", List.of(), Duration.ofSeconds(1))))
                        .flatMap(stored -> {
                            ResumeScore score = PipelineJson.mapper().readValue(stored.result(), ResumeScore.class);
                            if (jobId == null || jobId.isBlank()) {
                                return Mono.just(body(score, stored));
                            }
                            return documents.job(tenant, jobId)
                                    .switchIfEmpty(Mono.error(() -> ApiProblemException.notFound("Job", jobId)))
                                    .flatMap(job -> documents.sourceText(tenant, resumeId, resume.version())
                                            .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                                            .publishOn(Schedulers.boundedElastic())
                                            .map(text -> {
                                                AtsScore ats = scorer.atsFor(resume.resume(), text.orElse(null), job, jobId,
                                                        YearMonth.now(ZoneOffset.UTC));
                                                return body(score.withAts(ats), stored);
                                            }));
                        }));
    }

    private static ResponseEntity<String> body(ResumeScore score, ScoreStore.Stored stored) {
        ObjectNode node = PipelineJson.mapper().valueToTree(score);
        node.put("task_id", stored.taskId().toString());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(PipelineJson.mapper().writeValueAsString(node));
    }
}
