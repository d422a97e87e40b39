package com.talentpipeline.ingest.ask;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.career.TaxonomyRequested;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.kafka.reply.PendingReplies;
import com.talentpipeline.core.kafka.reply.Reply;
import com.talentpipeline.core.kafka.reply.ReplyHeaders;
import com.talentpipeline.core.kafka.reply.RequestReply;
import com.talentpipeline.core.rag.RagLookup;
import com.talentpipeline.core.tenant.RequestTenant;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.core.web.ProblemDetailsAdvice;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * The front door's query endpoints (stored taxonomies, RAG index reads) over HTTP with a stand-in worker
 * that answers each published query on the reply path: the status codes and bodies clients read, 400/413
 * before anything is published, the worker's 404 passed on, and 503 when no worker answers.
 */
class QueryControllersTest {

    final PendingReplies pending = new PendingReplies();
    final List<ProducerRecord<String, byte[]>> sent = new CopyOnWriteArrayList<>();
    /** The stand-in worker: a reply for each request record, or null for no answer at all. */
    Function<ProducerRecord<String, byte[]>, Reply> worker;
    WebTestClient web;

    @BeforeEach
    void setUp() {
        RequestReply requests = new RequestReply(record -> Mono.fromRunnable(() -> {
            sent.add(record);
            Reply reply = worker.apply(record);
            if (reply != null) {
                pending.complete(reply);
            }
        }).thenReturn(true), pending, (taskId, type, tenant, subject) -> Mono.error(new AssertionError("no task")),
                Topics.REQUEST_REPLIES_NAME, "http://results:8081", Duration.ofSeconds(2));
        AskProperties properties = new AskProperties(Duration.ofMillis(300), new AskProperties.Rag(Duration.ofMillis(200), 1000),
                new AskProperties.Career(Duration.ofMillis(200), 20000, 3, 2),
                new AskProperties.Matching(1000, Duration.ofMillis(200), Duration.ofMillis(200)),
                new AskProperties.Image(Duration.ofSeconds(2), 1_000_000));
        WebFilter tenant = (exchange, chain) -> {
            exchange.getAttributes().put(RequestTenant.ATTRIBUTE, "tenant-a");
            return chain.filter(exchange);
        };
        web = WebTestClient.bindToController(new TaxonomyController(requests, properties),
                        new RagReadController(requests, properties))
                .controllerAdvice(new ProblemDetailsAdvice()).webFilter(tenant).build();
    }

    static Reply ok(ProducerRecord<String, byte[]> record, String json) {
        return Reply.ok(ReplyHeaders.correlationId(record.headers()), PipelineJson.mapper().readTree(json));
    }

    WebTestClient.ResponseSpec post(String path, String body) {
        return web.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    void aTaxonomyIsStoredByTheWorkerAnd201WithItsLocation() {
        worker = record -> {
            TaxonomyRequested q = Topics.TAXONOMY_REQUESTED.decode(record.value()).payload();
            return ok(record, "{\"id\":\"" + q.id() + "\",\"name\":\"" + q.name() + "\",\"labels\":[]}");
        };
        post("/v1/career-paths/taxonomies", """
                {"id":"tx-1","name":" Ours ","labels":[{"label":"Nursing"},{"label":"Software","examples":["Java"]}]}""")
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Location", "/v1/career-paths/taxonomies/tx-1")
                .expectBody().jsonPath("$.id").isEqualTo("tx-1").jsonPath("$.name").isEqualTo("Ours");
        var envelope = Topics.TAXONOMY_REQUESTED.decode(sent.get(0).value());
        assertThat(envelope.tenantId()).isEqualTo("tenant-a");
        assertThat(envelope.payload().operation()).isEqualTo(TaxonomyRequested.Operation.CREATE);
        assertThat(envelope.payload().labels()).hasSize(2);
        assertThat(sent.get(0).key()).isEqualTo("tx-1");
    }

    @Test
    void badTaxonomiesAre400Or413AndNothingIsPublished() {
        worker = record -> {
            throw new AssertionError("nothing may be published");
        };
        post("/v1/career-paths/taxonomies", "{\"id\":\"builtin\",\"name\":\"x\",\"labels\":[{\"label\":\"a\"},{\"label\":\"b\"}]}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("id");
        post("/v1/career-paths/taxonomies", "{\"name\":\"x\",\"labels\":[{\"label\":\"a\"},{\"label\":\"A \"}]}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("labels[1].label");
        post("/v1/career-paths/taxonomies", "{\"name\":\"x\",\"labels\":[{\"label\":\"a\"},{\"label\":\"b\"},"
                + "{\"label\":\"c\"},{\"label\":\"d\"}]}").expectStatus().isEqualTo(413);
        post("/v1/career-paths/taxonomies", "{\"labels\":[]}").expectStatus().isBadRequest();
        assertThat(sent).isEmpty();
    }

    @Test
    void readsAndDeletesPassTheWorkersAnswerAndItsNotFound() {
        worker = record -> {
            TaxonomyRequested q = Topics.TAXONOMY_REQUESTED.decode(record.value()).payload();
            return switch (q.operation()) {
                case LIST -> ok(record, "{\"builtin\":{\"id\":\"builtin\",\"labels\":58},\"taxonomies\":[]}");
                case DELETE -> ok(record, "{\"deleted\":true}");
                default -> Reply.problem(ReplyHeaders.correlationId(record.headers()),
                        ApiProblemException.notFound("Taxonomy", q.id()));
            };
        };
        web.get().uri("/v1/career-paths/taxonomies").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.builtin.labels").isEqualTo(58);
        web.delete().uri("/v1/career-paths/taxonomies/t1").exchange().expectStatus().isNoContent();
        web.get().uri("/v1/career-paths/taxonomies/t9").exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("Taxonomy t9 was not found");
    }

    @Test
    void ragReadsAreAskedOfTheWorkerAndAHealthDownIs503() {
        worker = record -> {
            RagLookup q = Topics.RAG_LOOKUP.decode(record.value()).payload();
            return switch (q.what()) {
                case RESUME -> "r1".equals(q.resumeId()) ? ok(record, "{\"resumeId\":\"r1\",\"version\":2,\"chunks\":[]}")
                        : Reply.problem(ReplyHeaders.correlationId(record.headers()),
                                ApiProblemException.notFound("Resume", q.resumeId()));
                case INFO -> ok(record, "{\"index\":{\"resumes\":3}}");
                case HEALTH -> ok(record, "{\"status\":\"DOWN\",\"textModel\":\"UP\",\"database\":\"DOWN\"}");
            };
        };
        web.get().uri("/v1/rag/resumes/r1").exchange().expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(2);
        assertThat(sent.get(0).key()).isEqualTo("r1");
        web.get().uri("/v1/rag/resumes/r2").exchange().expectStatus().isNotFound();
        web.get().uri("/v1/rag/info").exchange().expectStatus().isOk().expectBody().jsonPath("$.index.resumes").isEqualTo(3);
        web.get().uri("/v1/rag/health").exchange().expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.database").isEqualTo("DOWN");
    }

    @Test
    void noWorkerAnsweringIs503WithRetryAfter() {
        worker = record -> null;
        web.get().uri("/v1/rag/info").exchange().expectStatus().isEqualTo(503)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/v1/career-paths/taxonomies").exchange().expectStatus().isEqualTo(503);
        assertThat(pending.size()).isZero();
    }
}
