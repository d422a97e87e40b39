package com.talentpipeline.ingest.ask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.talentpipeline.core.career.CareerRequested;
import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.kafka.reply.PendingReplies;
import com.talentpipeline.core.kafka.reply.ReplyHeaders;
import com.talentpipeline.core.kafka.reply.RequestReply;
import com.talentpipeline.core.match.MatchRequested;
import com.talentpipeline.core.rag.RagRequested;
import com.talentpipeline.core.tenant.RequestTenant;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.core.web.ProblemDetailsAdvice;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * The front door's request endpoints over HTTP (no server, no broker): bad input is a 400/413 naming the
 * field and unknown documents a 404 before anything is published; an accepted request publishes its typed
 * event with the reply headers and answers 202 + task when the deadline is zero.
 */
class AskControllersTest {

    Documents documents = mock(Documents.class);
    List<ProducerRecord<String, byte[]>> sent = new CopyOnWriteArrayList<>();
    List<UUID> tasks = new CopyOnWriteArrayList<>();
    WebTestClient web;

    @BeforeEach
    void setUp() {
        RequestReply requests = new RequestReply(record -> Mono.fromRunnable(() -> sent.add(record)).thenReturn(true),
                new PendingReplies(), (taskId, type, tenant, subject) -> Mono.fromRunnable(() -> tasks.add(taskId)),
                Topics.REQUEST_REPLIES_NAME, "http://results:8081", Duration.ofSeconds(5));
        AskProperties properties = new AskProperties(Duration.ofMillis(200), new AskProperties.Rag(Duration.ofMillis(200), 1000),
                new AskProperties.Career(Duration.ofMillis(200), 20000, 100, 20),
                new AskProperties.Matching(1000, Duration.ofMillis(200), Duration.ofMillis(200)),
                new AskProperties.Image(Duration.ofMillis(200), 1_000_000));
        when(documents.resume(anyString(), anyString())).thenReturn(Mono.empty());
        when(documents.resume("default", "nobody"))
                .thenReturn(Mono.error(ApiProblemException.notFound("Resume", "nobody")));
        when(documents.openJob(anyString(), anyString())).thenReturn(Mono.empty());
        when(documents.openJob("default", "closed-java")).thenReturn(Mono.error(new ApiProblemException(
                HttpStatus.CONFLICT, "job_closed", "Job closed-java is closed",
                List.of(new com.talentpipeline.core.web.FieldProblem("job_id", "is closed")), null)));
        WebFilter tenant = (exchange, chain) -> {
            exchange.getAttributes().put(RequestTenant.ATTRIBUTE, "default");
            return chain.filter(exchange);
        };
        web = WebTestClient.bindToController(new RagQueryController(requests, documents, properties),
                        new CareerPredictionController(requests, documents, properties),
                        new MatchController(requests, documents))
                .controllerAdvice(new ProblemDetailsAdvice()).webFilter(tenant)
                .httpMessageCodecs(codecs -> com.talentpipeline.core.web.wire.WireJson.install(codecs, json -> { })).build();
    }

    WebTestClient.ResponseSpec post(String path, String body) {
        return web.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    void problem(WebTestClient.ResponseSpec response, int status, String code, String field) {
        var body = response.expectStatus().isEqualTo(status).expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody().jsonPath("$.code").isEqualTo(code);
        if (field != null) {
            body.jsonPath("$.errors[0].field").isEqualTo(field);
        }
    }

    @Test
    void badQuestionsAndUnknownResumesAreProblemsAndNothingIsPublished() {
        problem(post("/v1/rag/queries", "{\"resumeId\":\"r1\",\"query\":\"  \"}"), 400, "validation_failed", "query");
        problem(post("/v1/rag/queries", "{\"query\":\"Where?\"}"), 400, "validation_failed", "resume_id");
        problem(post("/v1/rag/queries", "{\"resumeId\":\"r1\",\"query\":\"" + "x".repeat(1001) + "\"}"), 400,
                "validation_failed", "query");
        problem(post("/v1/rag/queries", "{\"resumeId\":\"nobody\",\"query\":\"Where?\"}"), 404, "not_found", null);
        assertThat(sent).isEmpty();
    }

    @Test
    void aQuestionWithAZeroTimeoutIsPublishedWithItsReplyHeadersAndIsATask() {
        post("/v1/rag/queries", "{\"resumeId\":\" r1 \",\"query\":\" Where did they study? \",\"timeoutMillis\":0,"
                + "\"includeMetadata\":true}")
                .expectStatus().isAccepted()
                .expectHeader().valueMatches("Location", "http://results:8081/v1/tasks/[0-9a-f-]{36}")
                .expectBody().jsonPath("$.task_id").isNotEmpty().jsonPath("$.type").isEqualTo("rag.query")
                .jsonPath("$.status").isEqualTo("ACCEPTED");
        assertThat(sent).hasSize(1);
        ProducerRecord<String, byte[]> record = sent.get(0);
        assertThat(record.topic()).isEqualTo(Topics.RAG_REQUESTED_NAME);
        assertThat(record.key()).isEqualTo("r1");
        EventEnvelope<RagRequested> envelope = Topics.RAG_REQUESTED.decode(record.value());
        assertThat(envelope.payload()).isEqualTo(new RagRequested("r1", "Where did they study?", true));
        assertThat(envelope.tenantId()).isEqualTo("default");
        assertThat(envelope.traceparent()).isNotBlank();
        assertThat(ReplyHeaders.correlationId(record.headers())).isEqualTo(envelope.taskId());
        assertThat(ReplyHeaders.replyTopic(record.headers())).isEqualTo(Topics.REQUEST_REPLIES_NAME);
        assertThat(tasks).containsExactly(envelope.taskId());
    }

    @Test
    void aQuestionNobodyAnswersWithinTheTimeoutIsA202() {
        post("/v1/rag/queries", "{\"resumeId\":\"r1\",\"query\":\"Where?\",\"timeoutMillis\":50}")
                .expectStatus().isAccepted();
        assertThat(tasks).hasSize(1);
    }

    @Test
    void badPredictRequestsNameTheField() {
        problem(post("/v1/career-paths/predict", "{}"), 400, "validation_failed", "resume_id");
        problem(post("/v1/career-paths/predict", "{\"student\":{\"grades\":{\"Math\":140}}}"), 400, "validation_failed",
                "student.grades.Math");
        problem(post("/v1/career-paths/predict", "{\"text\":\"x\",\"labels\":[{\"label\":\"a\"}]}"), 400,
                "validation_failed", "labels");
        problem(post("/v1/career-paths/predict", "{\"text\":\"" + "x".repeat(20_001) + "\"}"), 413, "payload_too_large",
                "text");
        problem(post("/v1/career-paths/predict", "{\"resumeId\":\"nobody\"}"), 404, "not_found", null);
        assertThat(sent).isEmpty();
        post("/v1/career-paths/predict", "{\"text\":\" Java developer \",\"topK\":3}").expectStatus().isAccepted();
        CareerRequested published = Topics.CAREER_REQUESTED.decode(sent.get(0).value()).payload();
        assertThat(published.text()).isEqualTo("Java developer");
        assertThat(published.topK()).isEqualTo(3);
    }

    @Test
    void matchesCheckTheDocumentsHereAndAreAlwaysTasks() {
        problem(post("/v1/matches", "{\"resumeId\":\" \",\"jobId\":\"java-mid\"}"), 400, "validation_failed", "resume_id");
        problem(post("/v1/matches", "{\"resumeId\":\"nobody\",\"jobId\":\"java-mid\"}"), 404, "not_found", null);
        problem(post("/v1/matches", "{\"resumeId\":\"ada\",\"jobId\":\"closed-java\"}"), 409, "job_closed", "job_id");
        assertThat(sent).isEmpty();
        post("/v1/matches", "{\"resumeId\":\"ada\",\"jobId\":\"java-mid\"}").expectStatus().isAccepted()
                .expectBody().jsonPath("$.type").isEqualTo("match").jsonPath("$.subject_id").isEqualTo("ada");
        assertThat(Topics.MATCH_REQUESTED.decode(sent.get(0).value()).payload())
                .isEqualTo(new MatchRequested("ada", "java-mid"));
    }
}
