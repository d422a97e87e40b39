package com.talentpipeline.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.localstack.pipeline.LocalPipeline;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue #5: questions answered from a resume, with citations. Three seed resumes are submitted over
 * HTTP to ingest, indexed by the RAG worker from {@code resume.submitted}, and asked at ingest's
 * {@code POST /v1/rag/queries}, which the worker answers through Kafka request-reply; answers
 * must cite the right section, absent facts must be refused. Prints the share answered correctly, the
 * share correctly refused and the p50 latency of the extractive path.
 */
class RagIT {

    static LocalPipeline pipeline;
    static PipelineClient client;
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** A question, the resume asked, and the acceptable cited sections (null: a refusal is correct). */
    record Question(String who, String question, String sections) {
    }

    static final List<Question> QUESTIONS = List.of(
            new Question("maya", "Where did they study?", "education"),
            new Question("maya", "Do they know Python?", "skills"),
            new Question("maya", "Which certifications do they hold?", "certifications"),
            new Question("maya", "What is the candidate's experience with Kafka?", null),
            new Question("maya", "Do they know Go?", null),
            new Question("lars", "What is the candidate's experience with Kafka?", "workExperience"),
            new Question("lars", "Have they built REST APIs?", "workExperience"),
            new Question("lars", "Which certifications do they hold?", "certifications"),
            new Question("lars", "Where did they study?", null),
            new Question("lars", "Do they know Go?", null),
            new Question("sofia", "What frontend frameworks do they use?", "skills|summary|workExperience"),
            new Question("sofia", "Where did they study?", "education"),
            new Question("sofia", "Have they improved accessibility?", "workExperience"),
            new Question("sofia", "Do they have a pilot's license?", null),
            new Question("sofia", "What is their experience with Kubernetes?", null));

    static final Map<String, String> resumeIds = new HashMap<>();

    @BeforeAll
    static void start() {
        pipeline = SharedPipeline.get();
        client = new PipelineClient(pipeline);
        String run = UUID.randomUUID().toString().substring(0, 8);
        resumeIds.put("maya", client.submit("/v1/resumes", Seeds.pythonAiServicesResume("maya-" + run + "@example.com"))
                .get("resume_id").asString());
        resumeIds.put("lars", client.submit("/v1/resumes", Seeds.javaKafkaResume("lars-" + run + "@example.com"))
                .get("resume_id").asString());
        resumeIds.put("sofia", client.submit("/v1/resumes", Seeds.frontendResume("sofia-" + run + "@example.com"))
                .get("resume_id").asString());
        resumeIds.values().forEach(id -> awaitIndexed(id, 1));
    }

    static String rag(String path) {
        return client.ingest(path); // index reads are asked at the front door (rag.lookup)
    }

    static JsonNode awaitIndexed(String resumeId, int version) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> r = client.get(rag("/v1/rag/resumes/" + resumeId));
            if (r.statusCode() == 200 && PipelineClient.json(r).get("version").asInt() >= version) {
                return PipelineClient.json(r);
            }
            PipelineClient.sleep(100);
        }
        throw new AssertionError("resume " + resumeId + " not indexed at version " + version);
    }

    static HttpResponse<String> ask(String resumeId, String question, String extra) {
        String body = "{\"resumeId\":" + PipelineJson.mapper().writeValueAsString(resumeId) + ",\"query\":"
                + PipelineJson.mapper().writeValueAsString(question) + extra + "}";
        return client.post(client.ingest("/v1/rag/queries"), body, Map.of());
    }

    /**
     * Latency of a question through the front door: HTTP to ingest, {@code rag.requested}, the worker, the
     * reply on {@code request.replies} back to the waiting ingest instance. 20 warm-up questions, then 200
     * (the question set cycled, so the query-vector cache is warm as in steady use). Prints p50/p99 and
     * the worker's own {@code processing_time}, to compare with the direct HTTP call to the worker this
     * replaced (measured on main with the same loop).
     */
    @Test
    void requestReplyLatencyIsPrinted() {
        List<Long> micros = new ArrayList<>();
        List<Double> worker = new ArrayList<>();
        for (int i = 0; i < 220; i++) {
            Question q = QUESTIONS.get(i % QUESTIONS.size());
            long t0 = System.nanoTime();
            HttpResponse<String> response = ask(resumeIds.get(q.who()), q.question(), "");
            long took = (System.nanoTime() - t0) / 1_000;
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            if (i >= 20) {
                micros.add(took);
                worker.add(PipelineClient.json(response).get("processing_time").asDouble());
            }
        }
        micros.sort(Long::compare);
        worker.sort(Double::compare);
        System.out.printf("RAG LATENCY request-reply: p50 %.2f ms, p99 %.2f ms, max %.2f ms over %d questions; "
                        + "worker processing_time p50 %.1f ms, p99 %.1f ms%n",
                micros.get(micros.size() / 2) / 1000.0, micros.get((int) (micros.size() * 0.99)) / 1000.0,
                micros.get(micros.size() - 1) / 1000.0, micros.size(), worker.get(worker.size() / 2),
                worker.get((int) (worker.size() * 0.99)));
        assertThat(micros.get(micros.size() / 2)).as("p50 well inside the 5 s deadline").isLessThan(1_000_000L);
    }

    @Test
    void questionSetIsAnsweredWithCitationsAndAbsentFactsAreRefused() {
        int answerable = 0, answeredRight = 0, absent = 0, refusedRight = 0;
        List<Long> latencies = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Question q : QUESTIONS) {
            String resumeId = resumeIds.get(q.who());
            long t0 = System.nanoTime();
            HttpResponse<String> response = ask(resumeId, q.question(), "");
            long micros = (System.nanoTime() - t0) / 1_000;
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            latencies.add(micros);
            JsonNode a = PipelineClient.json(response);
            assertThat(a.get("mode").asString()).isEqualTo("extractive");
            assertThat(a.has("processing_time")).isTrue();
            System.out.printf("RAG %-5s %-50s answered=%s top=%s %s%n", q.who(), q.question(),
                    a.get("answered").asBoolean(), a.get("top_score"), a.get("response").asString());
            JsonNode citations = a.get("citations");
            for (JsonNode c : citations) {
                // Every citation points into the rendered resume text.
                assertThat(c.get("char_end").asInt()).isGreaterThan(c.get("char_start").asInt());
                assertThat(a.get("response").asString()).contains("[" + c.get("chunk_id").asString() + "]");
            }
            if (q.sections() != null) {
                answerable++;
                List<String> ok = Arrays.asList(q.sections().split("\\|"));
                boolean cited = false;
                for (JsonNode c : citations) {
                    cited |= ok.contains(c.get("section").asString());
                }
                if (a.get("answered").asBoolean() && cited) {
                    answeredRight++;
                } else {
                    wrong.add(q.who() + ": " + q.question());
                }
            } else {
                absent++;
                if (!a.get("answered").asBoolean() && a.get("response").asString().equals("The resume does not say.")
                        && citations.isEmpty()) {
                    refusedRight++;
                } else {
                    wrong.add(q.who() + ": " + q.question());
                }
            }
        }
        latencies.sort(Long::compare);
        double p50 = latencies.get(latencies.size() / 2) / 1000.0;
        System.out.printf("RAG RESULT: answered correctly %d/%d (%.0f%%), correctly refused %d/%d (%.0f%%), "
                        + "p50 latency of the extractive path %.1f ms over %d queries (max %.1f ms); wrong: %s%n",
                answeredRight, answerable, 100.0 * answeredRight / answerable, refusedRight, absent,
                100.0 * refusedRight / absent, p50, latencies.size(), latencies.get(latencies.size() - 1) / 1000.0, wrong);
        assertThat((double) answeredRight / answerable).isGreaterThanOrEqualTo(0.8);
        assertThat((double) refusedRight / absent).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void chunksPointIntoTheRenderedTextAndContactDetailsAreNotIndexed() {
        JsonNode index = awaitIndexed(resumeIds.get("maya"), 1);
        String text = index.get("text").asString();
        assertThat(text).doesNotContain("@example.com").doesNotContain("+1 415");
        for (JsonNode c : index.get("chunks")) {
            assertThat(text.substring(c.get("char_start").asInt(), c.get("char_end").asInt()))
                    .isEqualTo(c.get("text").asString());
        }
        List<String> sections = new ArrayList<>();
        index.get("chunks").forEach(c -> sections.add(c.get("section").asString()));
        assertThat(sections).contains("summary", "skills", "workExperience", "education", "certifications");
    }

    @Test
    void metadataCountsTheResumesQueries() {
        String id = resumeIds.get("sofia");
        ask(id, "Do they know Fortran?", "");
        JsonNode a = PipelineClient.json(ask(id, "Where did they study?", ",\"includeMetadata\":true"));
        JsonNode meta = a.get("metadata");
        assertThat(meta.get("total_queries").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(meta.get("successful_queries").asLong()).isGreaterThanOrEqualTo(1)
                .isLessThan(meta.get("total_queries").asLong());
        assertThat(meta.get("success_rate").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void aQueryPastItsTimeoutBecomesATaskOnTheResultsApi() {
        HttpResponse<String> response = ask(resumeIds.get("lars"), "What is the candidate's experience with Kafka?",
                ",\"timeoutMillis\":0");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String taskId = PipelineClient.json(response).get("task_id").asString();
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/v1/tasks/" + taskId));

        JsonNode task = client.awaitTerminal(taskId, Duration.ofSeconds(30));
        assertThat(task.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(task.get("type").asString()).isEqualTo("rag.query");
        JsonNode result = PipelineClient.json(client.get(client.results("/v1/tasks/" + taskId + "?includeResult=true")))
                .get("result");
        assertThat(result.get("answered").asBoolean()).isTrue();
        assertThat(result.get("citations").get(0).get("chunk_id").asString()).isNotBlank();
    }

    @Test
    void badQueriesAreProblemsNamingTheFieldAndUnknownResumesAre404() {
        HttpResponse<String> unknown = ask("no-such-resume", "Where did they study?", "");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(PipelineClient.json(unknown).get("code").asString()).isEqualTo("not_found");

        HttpResponse<String> empty = ask(resumeIds.get("maya"), "  ", "");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(PipelineClient.json(empty).get("errors").get(0).get("field").asString()).isEqualTo("query");

        HttpResponse<String> tooLong = ask(resumeIds.get("maya"), "x".repeat(1001), "");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(PipelineClient.json(tooLong).get("errors").get(0).get("field").asString()).isEqualTo("query");
        assertThat(tooLong.body()).contains("1000");
    }

    @Test
    void infoAndHealth() {
        HttpResponse<String> info = client.get(rag("/v1/rag/info"));
        assertThat(info.statusCode()).isEqualTo(200);
        JsonNode body = PipelineClient.json(info);
        assertThat(body.get("model").get("dimension").asInt()).isEqualTo(384);
        assertThat(body.get("retrieval").get("top_k").asInt()).isPositive();
        assertThat(body.get("index").get("resumes").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(body.get("index").get("chunks").asLong()).isGreaterThan(10);
        // No infrastructure details: the model is named by id and version only, and no file path shows.
        assertThat(body.get("model").has("device")).isFalse();
        assertThat(info.body()).doesNotContain("/work/", "/home/", "/tmp/", "/opt/", "/root/", "redis");

        // Counts are the caller tenant's: a tenant with nothing indexed sees zeros, not the others' totals.
        String tenant = "rag-info-" + UUID.randomUUID();
        HttpResponse<String> created = client.withKey(null).post(client.results("/admin/v1/keys"),
                "{\"tenantId\":\"" + tenant + "\",\"name\":\"rag-info\"}",
                java.util.Map.of("X-Admin-Key", SharedPipeline.ADMIN_KEY));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        PipelineClient empty = client.withKey(PipelineClient.json(created).get("key").asString());
        JsonNode emptyIndex = PipelineClient.json(empty.get(rag("/v1/rag/info"))).get("index");
        assertThat(emptyIndex.get("resumes").asLong()).isZero();
        assertThat(emptyIndex.get("chunks").asLong()).isZero();
        assertThat(emptyIndex.get("cached_resumes").asLong()).isZero();

        HttpResponse<String> health = client.get(rag("/v1/rag/health"));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(PipelineClient.json(health).get("status").asString()).isEqualTo("UP");
    }

    @Test
    void aNewVersionReplacesTheChunksAndAnErasureDropsThem() throws Exception {
        String id = client.submit("/v1/resumes", Seeds.javaKafkaResume("v-" + UUID.randomUUID() + "@example.com"))
                .get("resume_id").asString();
        awaitIndexed(id, 1);
        assertThat(PipelineClient.json(ask(id, "Do they know Go?", "")).get("answered").asBoolean()).isFalse();

        String v2 = Seeds.javaKafkaResume("v2-" + UUID.randomUUID() + "@example.com")
                .replace("{\"name\":\"Java\"}", "{\"name\":\"Go\",\"proficiency\":\"Expert\"}");
        HttpResponse<String> put = http.send(PipelineClient.authorized(URI.create(client.ingest("/v1/resumes/" + id)))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(v2)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(202);
        JsonNode index = awaitIndexed(id, 2);
        assertThat(index.get("text").asString()).contains("Go (Expert)");
        JsonNode go = PipelineClient.json(ask(id, "Do they know Go?", ""));
        assertThat(go.get("answered").asBoolean()).as(go.toString()).isTrue();
        assertThat(go.get("citations").get(0).get("section").asString()).isEqualTo("skills");

        HttpResponse<String> delete = http.send(PipelineClient.authorized(URI.create(client.ingest("/v1/resumes/" + id)))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(delete.statusCode()).isEqualTo(202);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        int status = 200;
        while (status != 404 && Instant.now().isBefore(deadline)) {
            PipelineClient.sleep(100);
            status = client.get(rag("/v1/rag/resumes/" + id)).statusCode();
        }
        assertThat(status).isEqualTo(404);
        assertThat(ask(id, "Do they know Go?", "").statusCode()).isEqualTo(404);
    }
}
