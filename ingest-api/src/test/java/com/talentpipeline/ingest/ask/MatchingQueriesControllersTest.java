package com.talentpipeline.ingest.ask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.kafka.reply.PendingReplies;
import com.talentpipeline.core.kafka.reply.Reply;
import com.talentpipeline.core.kafka.reply.ReplyHeaders;
import com.talentpipeline.core.kafka.reply.RequestReply;
import com.talentpipeline.core.match.CandidatesRequested;
import com.talentpipeline.core.match.JobClustersRequested;
import com.talentpipeline.core.match.JobSearchRequested;
import com.talentpipeline.core.match.MatchBatchRequested;
import com.talentpipeline.core.match.RecommendationsRequested;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.tenant.RequestTenant;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.core.web.FieldProblem;
import com.talentpipeline.core.web.ProblemDetailsAdvice;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * The matching worker's endpoints at the front door (no server, no broker): batch comparisons, clusters,
 * job search, candidates and recommendations are checked here (400 naming the field, 404/409 for the
 * documents this module owns) before anything is published, then published to their request topic with
 * the reply headers; a worker's reply within the deadline is the answer (200 or its problem), none is a
 * 202 with a task of the endpoint's type.
 */
class MatchingQueriesControllersTest {

    Documents documents = mock(Documents.class);
    List<ProducerRecord<String, byte[]>> sent = new CopyOnWriteArrayList<>();
    List<TaskType> tasks = new CopyOnWriteArrayList<>();
    PendingReplies pending = new PendingReplies();
    /** What the "worker" replies to each request as it is sent (null: no reply, the deadline passes). */
    Function<UUID, Reply> worker = id -> null;
    WebTestClient web;

    @BeforeEach
    void setUp() {
        RequestReply requests = new RequestReply(record -> Mono.fromRunnable(() -> {
            sent.add(record);
            Reply reply = worker.apply(ReplyHeaders.correlationId(record.headers()));
            if (reply != null) {
                pending.complete(reply);
            }
        }).thenReturn(true), pending, (taskId, type, tenant, subject) -> Mono.fromRunnable(() -> tasks.add(type)),
                Topics.REQUEST_REPLIES_NAME, "http://results:8081", Duration.ofSeconds(5));
        AskProperties properties = new AskProperties(Duration.ofMillis(200), new AskProperties.Rag(Duration.ofSeconds(1), 1000),
                new AskProperties.Career(Duration.ofSeconds(1), 20000, 100, 20),
                new AskProperties.Matching(1000, Duration.ofMillis(300), Duration.ofMillis(300)),
                new AskProperties.Image(Duration.ofSeconds(2), 1_000_000));
        when(documents.resume(anyString(), anyString())).thenReturn(Mono.empty());
        when(documents.resume("default", "nobody"))
                .thenReturn(Mono.error(ApiProblemException.notFound("Resume", "nobody")));
        when(documents.openJob(anyString(), anyString())).thenReturn(Mono.empty());
        when(documents.openJob("default", "nope")).thenReturn(Mono.error(ApiProblemException.notFound("Job", "nope")));
        when(documents.openJob("default", "closed-java")).thenReturn(Mono.error(new ApiProblemException(
                HttpStatus.CONFLICT, "job_closed", "Job closed-java is closed",
                List.of(new FieldProblem("job_id", "is closed")), null)));
        // The tenant's jobs: every id starting with "job-" is open, "closed-java" closed, anything else unknown.
        when(documents.jobStatuses(anyString(), any())).thenAnswer(call -> {
            java.util.Collection<String> ids = call.getArgument(1);
            return Mono.just(ids.stream().filter(id -> id.startsWith("job-") || id.equals("closed-java"))
                    .collect(Collectors.toMap(id -> id, id -> id.equals("closed-java") ? "closed" : "open")));
        });
        WebFilter tenant = (exchange, chain) -> {
            exchange.getAttributes().put(RequestTenant.ATTRIBUTE, "default");
            return chain.filter(exchange);
        };
        web = WebTestClient.bindToController(new BatchMatchController(requests, documents, properties),
                        new JobQueriesController(requests, documents, properties),
                        new RecommendationsController(requests, documents, properties))
                .controllerAdvice(new ProblemDetailsAdvice()).webFilter(tenant)
                .httpMessageCodecs(codecs -> com.talentpipeline.core.web.wire.WireJson.install(codecs, json -> { })).build();
    }

    WebTestClient.ResponseSpec post(String path, String body) {
        return web.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec get(String path) {
        return web.get().uri(path).exchange();
    }

    void problem(WebTestClient.ResponseSpec response, int status, String code, String field) {
        var body = response.expectStatus().isEqualTo(status).expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody().jsonPath("$.code").isEqualTo(code);
        if (field != null) {
            body.jsonPath("$.errors[0].field").isEqualTo(field);
        }
    }

    @Test
    void badBatchesAndUnknownIdsAreRefusedBeforeAnythingIsPublished() {
        problem(post("/v1/matches/batch", "{\"resumeId\":\"ada\",\"jobIds\":[]}"), 400, "validation_failed", "job_ids");
        String tooMany = IntStream.range(0, 1001).mapToObj(i -> "\"job-" + i + "\"").collect(Collectors.joining(","));
        problem(post("/v1/matches/batch", "{\"resumeId\":\"ada\",\"jobIds\":[" + tooMany + "]}"), 400,
                "validation_failed", "job_ids");
        problem(post("/v1/matches/batch", "{\"resumeId\":\"ada\",\"jobIds\":[\"job-1\"],\"limit\":0}"), 400,
                "validation_failed", "limit");
        problem(post("/v1/matches/batch", "{\"jobIds\":[\"job-1\"]}"), 400, "validation_failed", "resume_id");
        problem(post("/v1/matches/batch", "{\"resumeId\":\"ada\",\"jobIds\":[\"job-1\",\" \"]}"), 400,
                "validation_failed", "job_ids[1]");
        problem(post("/v1/matches/batch", "{\"resumeId\":\"nobody\",\"jobIds\":[\"job-1\"]}"), 404, "not_found", null);
        // 1000 ids pass validation and reach the lookup, which finds one of them missing: 404, not 400.
        String thousand = IntStream.range(0, 999).mapToObj(i -> "\"job-" + i + "\"").collect(Collectors.joining(","));
        problem(post("/v1/matches/batch", "{\"resumeId\":\"ada\",\"jobIds\":[" + thousand + ",\"other\"]}"), 404,
                "not_found", null);
        assertThat(sent).isEmpty();
    }

    @Test
    void aBatchIsAlwaysATaskAndNamesTheClosedJobs() {
        // Even a worker that answers at once does not make a batch synchronous.
        worker = id -> Reply.ok(id, PipelineJson.mapper().valueToTree(Map.of("compared", 1)));
        post("/v1/matches/batch", "{\"resumeId\":\" ada \",\"jobIds\":[\"job-2\",\"closed-java\",\"job-1\",\"job-2\"],"
                + "\"limit\":2}")
                .expectStatus().isAccepted()
                .expectHeader().valueMatches("Location", "http://results:8081/v1/tasks/[0-9a-f-]{36}")
                .expectBody().jsonPath("$.type").isEqualTo("match.batch").jsonPath("$.subject_id").isEqualTo("ada");
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).topic()).isEqualTo(Topics.MATCH_BATCH_REQUESTED_NAME);
        assertThat(sent.get(0).key()).isEqualTo("ada");
        assertThat(Topics.MATCH_BATCH_REQUESTED.decode(sent.get(0).value()).payload())
                .isEqualTo(new MatchBatchRequested("ada", List.of("job-2", "job-1"), List.of("closed-java"), 2));
        assertThat(tasks).containsExactly(TaskType.MATCH_BATCH);
    }

    @Test
    void aSearchAnsweredWithinTheDeadlineIsTheWorkersBody() {
        worker = id -> Reply.ok(id, PipelineJson.mapper().valueToTree(Map.of("query", "java", "total", 0)));
        get("/v1/jobs/search?query= java &remote=TRUE&limit=5&location= Berlin")
                .expectStatus().isOk().expectBody().jsonPath("$.query").isEqualTo("java").jsonPath("$.total").isEqualTo(0);
        assertThat(Topics.JOB_SEARCH_REQUESTED.decode(sent.get(0).value()).payload())
                .isEqualTo(new JobSearchRequested("java", "Berlin", true, 5, null));
        assertThat(sent.get(0).key()).isEqualTo("default");
        assertThat(tasks).isEmpty();
    }

    @Test
    void aWorkersProblemIsTheAnswerAndNoReplyIsA202WithATask() {
        worker = id -> Reply.problem(id, new ApiProblemException(HttpStatus.BAD_REQUEST, "invalid_cursor",
                "The cursor does not belong to this query", List.of(new FieldProblem("cursor", "is invalid")), null));
        problem(get("/v1/jobs/search?query=java&cursor=bm9wZQ"), 400, "invalid_cursor", "cursor");
        worker = id -> null;
        get("/v1/jobs/search?query=java").expectStatus().isAccepted().expectBody().jsonPath("$.type").isEqualTo("job.search");
        get("/v1/resumes/ada/recommendations").expectStatus().isAccepted()
                .expectBody().jsonPath("$.type").isEqualTo("recommendations.query");
        post("/v1/jobs/clusters", "{}").expectStatus().isAccepted().expectBody().jsonPath("$.type").isEqualTo("job.clusters");
        assertThat(tasks).containsExactly(TaskType.JOB_SEARCH, TaskType.RECOMMENDATIONS_QUERY, TaskType.JOB_CLUSTERS);
    }

    @Test
    void badSearchCandidatesRecommendationsAndClusterParametersAreRefusedHere() {
        problem(get("/v1/jobs/search"), 400, "validation_failed", "query");
        problem(get("/v1/jobs/search?query=  "), 400, "validation_failed", "query");
        problem(get("/v1/jobs/search?query=" + "x".repeat(501)), 400, "validation_failed", "query");
        problem(get("/v1/jobs/search?query=java&remote=maybe"), 400, "validation_failed", "remote");
        problem(get("/v1/jobs/job-1/candidates?minScore=abc"), 400, "validation_failed", "minScore");
        problem(get("/v1/jobs/job-1/candidates?minScore=NaN"), 400, "validation_failed", "minScore");
        problem(get("/v1/jobs/job-1/candidates?minScore=101"), 400, "validation_failed", "minScore");
        problem(get("/v1/jobs/job-1/candidates?remote=maybe"), 400, "validation_failed", "remote");
        problem(get("/v1/jobs/job-1/candidates?limit=0"), 400, "validation_failed", "limit");
        problem(get("/v1/jobs/nope/candidates"), 404, "not_found", null);
        problem(get("/v1/jobs/closed-java/candidates"), 409, "job_closed", "job_id");
        problem(get("/v1/resumes/ada/recommendations?limit=0"), 400, "validation_failed", "limit");
        problem(get("/v1/resumes/ada/recommendations?remote=maybe"), 400, "validation_failed", "remote");
        problem(get("/v1/resumes/nobody/recommendations"), 404, "not_found", null);
        problem(post("/v1/jobs/clusters", "{\"k\":1}"), 400, "validation_failed", "k");
        problem(post("/v1/jobs/clusters", "{\"k\":51}"), 400, "validation_failed", "k");
        assertThat(sent).isEmpty();
    }

    @Test
    void candidatesRecommendationsAndClustersArePublishedAsTyped() {
        worker = id -> Reply.ok(id, PipelineJson.mapper().valueToTree(Map.of("ok", true)));
        get("/v1/jobs/job-1/candidates?limit=10&minScore=55.5&remote=false&cursor=abc").expectStatus().isOk();
        get("/v1/resumes/ada/recommendations?limit=3&location=hamburg").expectStatus().isOk();
        post("/v1/jobs/clusters", "{\"k\":4}").expectStatus().isOk();
        assertThat(sent).extracting(ProducerRecord::topic).containsExactly(Topics.JOB_CANDIDATES_REQUESTED_NAME,
                Topics.RECOMMENDATIONS_REQUESTED_NAME, Topics.JOB_CLUSTERS_REQUESTED_NAME);
        assertThat(Topics.JOB_CANDIDATES_REQUESTED.decode(sent.get(0).value()).payload())
                .isEqualTo(new CandidatesRequested("job-1", 10, "abc", 55.5, null, false));
        assertThat(sent.get(0).key()).isEqualTo("job-1");
        assertThat(Topics.RECOMMENDATIONS_REQUESTED.decode(sent.get(1).value()).payload())
                .isEqualTo(new RecommendationsRequested("ada", 3, "hamburg", null));
        assertThat(Topics.JOB_CLUSTERS_REQUESTED.decode(sent.get(2).value()).payload())
                .isEqualTo(new JobClustersRequested(4));
        assertThat(tasks).isEmpty();
    }
}
