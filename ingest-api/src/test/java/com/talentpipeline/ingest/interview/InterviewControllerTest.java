package com.talentpipeline.ingest.interview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.talentpipeline.core.interview.InterviewSubmitted;
import com.talentpipeline.core.security.OutboundUrlGuard;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.task.intake.Accepted;
import com.talentpipeline.core.task.intake.IntakeRequest;
import com.talentpipeline.core.task.intake.TaskIntake;
import com.talentpipeline.core.tenant.RequestTenant;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.core.web.ProblemDetailsAdvice;
import com.talentpipeline.ingest.config.IngestProperties;
import com.talentpipeline.ingest.submission.SubmissionService;
import com.talentpipeline.ingest.web.Callers;
import com.talentpipeline.ingest.web.Responses;
import java.time.Duration;
import java.util.Collections;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Mono;

/**
 * {@code POST /v1/interviews} at the front door: validation (400/413 naming the field, nothing accepted), the
 * tenant's job check, and an accepted interview going through the intake kit onto {@code interview.submitted}
 * with the 202 answer's keys.
 */
class InterviewControllerTest {

    static final String TRANSCRIPT = "[{\"speaker\":\"interviewer\",\"content\":\"Why Kafka?\"},"
            + "{\"speaker\":\"candidate\",\"content\":\"Because it keeps order per key.\"}]";
    static final String RUBRIC = "{\"communication\":0.3,\"technical\":0.4,\"problem_solving\":0.3}";

    final TaskIntake intake = mock(TaskIntake.class);
    final SubmissionService documents = mock(SubmissionService.class);
    WebTestClient web;

    @BeforeEach
    void setUp() {
        IngestProperties properties = new IngestProperties("http://results", Duration.ofSeconds(10),
                Duration.ofSeconds(5), DataSize.ofMegabytes(1), DataSize.ofMegabytes(10), Duration.ofSeconds(10), 50,
                200_000, DataSize.ofMegabytes(64), 1000, 6, 2000, 40_000_000L);
        InterviewController controller = new InterviewController(intake, documents,
                new Callers(mock(OutboundUrlGuard.class)), new Responses(properties), properties);
        web = WebTestClient.bindToController(controller)
                .controllerAdvice(new ProblemDetailsAdvice())
                .webFilter((exchange, chain) -> {
                    String tenant = exchange.getRequest().getHeaders().getFirst("X-Test-Tenant");
                    exchange.getAttributes().put(RequestTenant.ATTRIBUTE, tenant != null ? tenant : "a");
                    return chain.filter(exchange);
                })
                
                .httpMessageCodecs(codecs -> com.talentpipeline.core.web.wire.WireJson.install(codecs, json -> { })).build();
        when(documents.exists(eq("jobs"), anyString(), anyString())).thenReturn(Mono.just(false));
        when(documents.exists("jobs", "a", "j1")).thenReturn(Mono.just(true));
    }

    static String interview(String rubric, String transcript) {
        return "{\"interview_id\":\"iv-1\",\"transcript\":" + transcript + ",\"rubric\":" + rubric + "}";
    }

    WebTestClient.ResponseSpec post(String tenant, String body) {
        return web.post().uri("/v1/interviews").contentType(MediaType.APPLICATION_JSON)
                .header("X-Test-Tenant", tenant).bodyValue(body).exchange();
    }

    @Test
    void validationGives400Or413NamingTheFieldAndAcceptsNothing() {
        post("a", interview("{\"communication\":0.5,\"technical\":0.4,\"problem_solving\":0.3}", TRANSCRIPT))
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("validation_failed").jsonPath("$.errors[0].field").isEqualTo("rubric");
        post("a", interview(RUBRIC, "[]")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("transcript");
        post("a", interview(RUBRIC, "[{\"speaker\":\"interviewer\",\"content\":\"Hello?\"}]"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].message").value(m ->
                        assertThat(m.toString()).contains("no candidate turn"));
        post("a", interview(RUBRIC, "[{\"speaker\":\"interviewer\",\"content\":\"Hi\"},"
                + "{\"speaker\":\"recruiter\",\"content\":\"Hello\"},{\"speaker\":\"candidate\",\"content\":\"Hi\"}]"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("transcript[1].speaker");
        String many = "[" + String.join(",", Collections.nCopies(7, "{\"speaker\":\"candidate\",\"content\":\"x\"}")) + "]";
        post("a", interview(RUBRIC, many)).expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("transcript");
        String longTurn = "[{\"speaker\":\"candidate\",\"content\":\"" + "y".repeat(2001) + "\"}]";
        post("a", interview(RUBRIC, longTurn)).expectStatus().isEqualTo(413);
        verify(intake, never()).submit(any(), anyString(), any());
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aValidInterviewGoesThroughTheIntakeAndAnotherTenantsJobIs404() {
        UUID task = UUID.randomUUID();
        ArgumentCaptor<IntakeRequest> request = ArgumentCaptor.forClass(IntakeRequest.class);
        when(intake.submit(request.capture(), eq("a"), isNull()))
                .thenAnswer(call -> Mono.just(new Accepted(task, "iv-1", false)));
        post("a", interview(RUBRIC, TRANSCRIPT)).expectStatus().isAccepted()
                .expectHeader().valueEquals("Location", "http://results/v1/tasks/" + task)
                .expectBody()
                .jsonPath("$.task_id").isEqualTo(task.toString())
                .jsonPath("$.interview_id").isEqualTo("iv-1")
                .jsonPath("$.interviewId").doesNotExist()
                .jsonPath("$.status").isEqualTo("ACCEPTED")
                .jsonPath("$.task_url").isEqualTo("http://results/v1/tasks/" + task)
                .jsonPath("$.replayed").doesNotExist();
        IntakeRequest<InterviewSubmitted, ?> sent = request.getValue();
        assertThat(sent.type()).isEqualTo(TaskType.INTERVIEW_SCORE);
        assertThat(sent.topic()).isSameAs(Topics.INTERVIEW_SUBMITTED);
        assertThat(sent.subjectId()).isEqualTo("iv-1");
        assertThat(sent.payloadFactory().apply(0).transcript()).hasSize(2);

        String withJob = "{\"interview_id\":\"iv-2\",\"transcript\":" + TRANSCRIPT + ",\"rubric\":" + RUBRIC + ",\"jobId\":\"j1\"}";
        post("b", withJob).expectStatus().isNotFound();
        post("a", withJob).expectStatus().isAccepted();
    }
}
