package com.talentpipeline.results.score;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.kafka.reply.RequestReply;
import com.talentpipeline.core.score.ScoreRequested;
import com.talentpipeline.core.tenant.RequestTenant;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.core.web.ProblemDetailsAdvice;
import com.talentpipeline.results.task.TaskStore;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /v1/resumes/{id}/score} over HTTP (no server): the published score with its task id, 409
 * {@code not_ready} for a known resume without one, 404 for an unknown resume, and the score against a
 * job asked of the scoring worker as a query for the caller's tenant, its refusal passed on.
 */
class ScoreControllerTest {

    static final UUID TASK = UUID.randomUUID();

    TaskStore tasks = mock(TaskStore.class);
    RequestReply requests = mock(RequestReply.class);
    WebTestClient web;

    @BeforeEach
    void setUp() {
        web = WebTestClient.bindToController(new ScoreController(tasks, requests,
                        new ScoreProperties(Duration.ofSeconds(5), Duration.ofSeconds(2))))
                .controllerAdvice(new ProblemDetailsAdvice())
                .webFilter((exchange, chain) -> {
                    exchange.getAttributes().put(RequestTenant.ATTRIBUTE,
                            exchange.getRequest().getHeaders().getFirst("X-Test-Tenant"));
                    return chain.filter(exchange);
                })
                .build();
        when(tasks.latestScore(any(), any())).thenReturn(Mono.just(new TaskStore.ScoreResult(false, null, null)));
    }

    WebTestClient.ResponseSpec get(String tenant, String path) {
        return web.get().uri(path).header("X-Test-Tenant", tenant).exchange();
    }

    @Test
    void thePublishedScoreIsServedWithItsTaskId() {
        JsonNode result = PipelineJson.mapper().readTree("{\"resume_id\":\"r1\",\"version\":2,\"overall_score\":81,\"grade\":\"B+\"}");
        when(tasks.latestScore("a", "r1")).thenReturn(Mono.just(new TaskStore.ScoreResult(true, TASK, result)));
        get("a", "/v1/resumes/r1/score").expectStatus().isOk().expectBody()
                .jsonPath("$.overall_score").isEqualTo(81)
                .jsonPath("$.version").isEqualTo(2)
                .jsonPath("$.task_id").isEqualTo(TASK.toString());
    }

    @Test
    void aKnownResumeWithoutAScoreIs409NotReadyAndAnUnknownOneIs404() {
        when(tasks.latestScore("a", "r2")).thenReturn(Mono.just(new TaskStore.ScoreResult(true, null, null)));
        get("a", "/v1/resumes/r2/score").expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.code").isEqualTo("not_ready");
        get("b", "/v1/resumes/r2/score").expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("not_found");
        verify(requests, never()).query(any(), any());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theScoreAgainstAJobIsAskedOfTheScoringWorkerForTheCallersTenant() {
        when(requests.query(any(), any())).thenReturn(Mono.just(PipelineJson.mapper().readTree("{\"ats_score\":70}")));
        get("a", "/v1/resumes/r1/score?jobId=j1").expectStatus().isOk().expectBody().jsonPath("$.ats_score").isEqualTo(70);
        ArgumentCaptor<RequestReply.Request<ScoreRequested>> asked = ArgumentCaptor.forClass(RequestReply.Request.class);
        verify(requests).query(asked.capture(), eq(Duration.ofSeconds(5)));
        org.assertj.core.api.Assertions.assertThat(asked.getValue().topic()).isEqualTo(Topics.SCORE_REQUESTED);
        org.assertj.core.api.Assertions.assertThat(asked.getValue().tenantId()).isEqualTo("a");
        org.assertj.core.api.Assertions.assertThat(asked.getValue().type()).isNull();
        org.assertj.core.api.Assertions.assertThat(asked.getValue().payload()).isEqualTo(new ScoreRequested("r1", "j1"));

        when(requests.query(any(), any())).thenReturn(Mono.error(ApiProblemException.notFound("Job", "j9")));
        get("a", "/v1/resumes/r1/score?jobId=j9").expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("Job j9 was not found");
        get("a", "/v1/resumes/r1/score?jobId=" + "x".repeat(201)).expectStatus().isBadRequest();
    }
}
