package com.talentpipeline.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.localstack.pipeline.LocalPipeline;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The pipeline as its users see it: real resumes and jobs submitted over HTTP to the running
 * services on a real Kafka, PostgreSQL and Redis, polled to a terminal state.
 */
class PipelineEndToEndIT {

    static LocalPipeline pipeline;
    static PipelineClient client;

    @BeforeAll
    static void startPipeline() {
        pipeline = SharedPipeline.get();
        client = new PipelineClient(pipeline);
    }

    private static String unique(String resume) {
        // The cache key covers content only; a unique sentence makes the content new.
        return resume.replace("\"summary\":\"", "\"summary\":\"Reference " + UUID.randomUUID() + ". ");
    }

    @Test
    void resumeIsAcceptedProcessedAndItsSectionEmbeddingsServed() {
        HttpResponse<String> response = client.post(client.ingest("/v1/resumes"),
                unique(Seeds.pythonAiServicesResume("maya@example.com")), Map.of());
        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode accepted = PipelineClient.json(response);
        String taskId = accepted.get("task_id").asString();
        String resumeId = accepted.get("resume_id").asString();
        assertThat(response.headers().firstValue("Location"))
                .hasValue("http://localhost:" + pipeline.frontDoorPort() + "/v1/tasks/" + taskId);

        JsonNode task = client.awaitTerminal(taskId, Duration.ofSeconds(60));
        assertThat(task.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(task.get("type").asString()).isEqualTo("resume.embedding");
        assertThat(task.get("progress").asInt()).isEqualTo(100);
        assertThat(task.get("cache_hit").asBoolean()).isFalse();
        assertThat(task.get("model").get("name").asString()).isEqualTo("all-minilm-l6-v2");
        assertThat(task.get("model").get("version").asString()).startsWith("all-minilm-l6-v2@");
        assertThat(task.get("model").get("dimension").asInt()).isEqualTo(384);
        Instant created = Instant.parse(task.get("created_at").asString());
        Instant started = Instant.parse(task.get("started_at").asString());
        Instant finished = Instant.parse(task.get("finished_at").asString());
        assertThat(created).isBeforeOrEqualTo(started);
        assertThat(started).isBeforeOrEqualTo(finished);
        assertThat(task.get("result_link").asString()).isEqualTo("/v1/resumes/" + resumeId + "/embeddings");

        JsonNode embeddings = PipelineClient.json(client.get(client.results("/v1/resumes/" + resumeId + "/embeddings")));
        JsonNode means = embeddings.get("mean_embeddings");
        for (String section : List.of("summary", "skills", "work_experience", "certifications")) {
            assertThat(means.has(section)).as(section).isTrue();
            assertThat(means.get(section).size()).isEqualTo(384);
            assertThat(norm(means.get(section))).as(section).isCloseTo(1.0, within(1e-4));
        }
        assertThat(embeddings.get("item_counts").get("skills").asInt()).isEqualTo(5);
        assertThat(embeddings.get("item_counts").get("work_experience").asInt()).isEqualTo(2);
        // Roles 2018-06..2021-02 and 2021-03..present are contiguous: one range to this month.
        long months = ChronoUnit.MONTHS.between(YearMonth.of(2018, 6), YearMonth.now()) + 1;
        assertThat(embeddings.get("metrics").get("total_experience_years").asDouble())
                .isCloseTo(Math.round(months / 12.0 * 10) / 10.0, within(0.05));

        JsonNode inline = PipelineClient.json(client.get(client.results("/v1/tasks/" + taskId + "?includeResult=true")));
        assertThat(inline.get("result").get("resume_id").asString()).isEqualTo(resumeId);
    }

    @Test
    void jobIsEmbeddedWithItsSections() {
        JsonNode accepted = client.submit("/v1/jobs", Seeds.backendJob().replace("Build the", "Build " + UUID.randomUUID() + " the"));
        JsonNode task = client.awaitTerminal(accepted.get("task_id").asString(), Duration.ofSeconds(60));
        assertThat(task.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(task.get("type").asString()).isEqualTo("job.embedding");
        JsonNode embeddings = PipelineClient.json(
                client.get(client.results("/v1/jobs/" + accepted.get("job_id").asString() + "/embeddings")));
        assertThat(embeddings.get("mean_embeddings").propertyNames())
                .contains("job_title", "skills", "requirements", "experience_level", "location");
        assertThat(embeddings.get("facts").get("experience_level").asString()).isEqualTo("Senior");
        assertThat(embeddings.get("facts").get("remote").asBoolean()).isTrue();
    }

    @Test
    void aJavaKafkaResumeIsCloserToABackendJobThanToAPastryChefJob() {
        JsonNode resume = embeddingsOf("/v1/resumes", unique(Seeds.javaKafkaResume("lars@example.com")), "resume_id", "/v1/resumes/");
        JsonNode backend = embeddingsOf("/v1/jobs", Seeds.backendJob(), "job_id", "/v1/jobs/");
        JsonNode pastry = embeddingsOf("/v1/jobs", Seeds.pastryChefJob(), "job_id", "/v1/jobs/");
        double skillsBackend = cosine(resume, "skills", backend, "skills");
        double skillsPastry = cosine(resume, "skills", pastry, "skills");
        double experienceBackend = cosine(resume, "work_experience", backend, "requirements");
        double experiencePastry = cosine(resume, "work_experience", pastry, "requirements");
        assertThat(skillsBackend).isGreaterThan(skillsPastry + 0.2);
        assertThat(experienceBackend).isGreaterThan(experiencePastry + 0.2);
    }

    @Test
    void identicalContentIsServedFromTheCacheWithoutCallingTheModel() {
        String content = unique(Seeds.javaKafkaResume("first@example.com"));
        JsonNode first = client.submit("/v1/resumes", content);
        assertThat(client.awaitTerminal(first.get("task_id").asString(), Duration.ofSeconds(60))
                .get("cache_hit").asBoolean()).isFalse();

        int worker = pipeline.embeddingWorkerPort();
        double textsBefore = client.metric(worker, "inference_texts_total");
        double hitsBefore = client.metric(worker, "pipeline_cache_requests_total", "result=\"hit\"");
        // Same content, another person's contact details and a new resume id: same cache key.
        JsonNode second = client.submit("/v1/resumes", content.replace("first@example.com", "second@example.com"));
        JsonNode task = client.awaitTerminal(second.get("task_id").asString(), Duration.ofSeconds(60));

        assertThat(second.get("resume_id").asString()).isNotEqualTo(first.get("resume_id").asString());
        assertThat(task.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(task.get("cache_hit").asBoolean()).isTrue();
        assertThat(client.metric(worker, "inference_texts_total")).isEqualTo(textsBefore);
        assertThat(client.metric(worker, "pipeline_cache_requests_total", "result=\"hit\"")).isGreaterThan(hitsBefore);
        JsonNode a = PipelineClient.json(client.get(client.results("/v1/resumes/" + first.get("resume_id").asString() + "/embeddings")));
        JsonNode b = PipelineClient.json(client.get(client.results("/v1/resumes/" + second.get("resume_id").asString() + "/embeddings")));
        assertThat(b.get("mean_embeddings")).isEqualTo(a.get("mean_embeddings"));
        assertThat(b.get("resume_id").asString()).isEqualTo(second.get("resume_id").asString());
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyReturnsTheSameTask() {
        String content = unique(Seeds.javaKafkaResume("retry@example.com"));
        String key = "client-retry-" + UUID.randomUUID();
        HttpResponse<String> first = client.post(client.ingest("/v1/resumes"), content, Map.of("Idempotency-Key", key));
        HttpResponse<String> again = client.post(client.ingest("/v1/resumes"), content, Map.of("Idempotency-Key", key));
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(PipelineClient.json(again).get("task_id")).isEqualTo(PipelineClient.json(first).get("task_id"));
        assertThat(PipelineClient.json(again).get("replayed").asBoolean()).isTrue();

        HttpResponse<String> different = client.post(client.ingest("/v1/resumes"), unique(content),
                Map.of("Idempotency-Key", key));
        assertThat(different.statusCode()).isEqualTo(422);
        assertThat(PipelineClient.json(different).get("code").asString()).isEqualTo("idempotency_key_reused");
    }

    @Test
    void badInputIsA4xxProblemNamingTheFieldAndNothingIsPublished() throws Exception {
        long eventsBefore = Topics4Tests.endOffsets(pipeline, Topics.RESUME_SUBMITTED_NAME) + Topics4Tests.endOffsets(pipeline, Topics.JOB_SUBMITTED_NAME);
        long tasksBefore = countTasks();
        String resume = Seeds.javaKafkaResume("bad@example.com");
        record Case(String path, String body, int status, String field) {
        }
        List<Case> cases = List.of(
                new Case("/v1/resumes", "{\"firstName\": ", 400, null),
                // Contact fields are optional; a resume with nothing else in it is not.
                new Case("/v1/resumes", "{\"firstName\":\"Lars\",\"lastName\":\"Berg\"}", 400, "resume"),
                new Case("/v1/resumes", resume.replace("[{\"name\":\"Java\"}", "[{\"name\":{\"first\":\"Java\"}}"), 400,
                        "skills[0].name"),
                new Case("/v1/resumes", resume.replace("\"skills\":[", "\"skills\":\"Java\",\"x\":["), 400, "skills"),
                new Case("/v1/resumes", resume.replace("2019-01", "01/2019"), 400, "work_experience[0].start_date"),
                new Case("/v1/jobs", Seeds.backendJob().replace("\"Senior\"", "\"Wizard\""), 400, "experience_level"),
                new Case("/v1/jobs", Seeds.backendJob().replace("\"Senior\"", "7"), 400, "experience_level"),
                new Case("/v1/resumes", resume.replace("Designed", "x".repeat(1_100_000)), 413, null));
        for (Case c : cases) {
            HttpResponse<String> response = client.post(client.ingest(c.path()), c.body(), Map.of());
            assertThat(response.statusCode()).as(c.toString().substring(0, Math.min(200, c.toString().length())))
                    .isEqualTo(c.status());
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = PipelineClient.json(response);
            assertThat(problem.get("status").asInt()).isEqualTo(c.status());
            assertThat(problem.get("code").asString()).isNotBlank();
            if (c.field() != null) {
                assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(c.field());
            }
        }
        assertThat(Topics4Tests.endOffsets(pipeline, Topics.RESUME_SUBMITTED_NAME) + Topics4Tests.endOffsets(pipeline, Topics.JOB_SUBMITTED_NAME)).isEqualTo(eventsBefore);
        assertThat(countTasks()).isEqualTo(tasksBefore);
    }

    @Test
    void unknownIdsAre404Problems() {
        for (String path : List.of("/v1/tasks/" + UUID.randomUUID(), "/v1/tasks/not-a-uuid",
                "/v1/resumes/" + UUID.randomUUID() + "/embeddings", "/v1/jobs/nope/embeddings")) {
            HttpResponse<String> response = client.get(client.results(path));
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(PipelineClient.json(response).get("code").asString()).isEqualTo("not_found");
        }
    }

    @Test
    void noAcceptedTaskIsLostWhenTheWorkerRestartsMidStream() throws Exception {
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            tasks.add(client.submit("/v1/resumes", unique(Seeds.javaKafkaResume("mid" + i + "@example.com")))
                    .get("task_id").asString());
        }
        // Let the worker start on the stream, then restart it while work is still queued.
        client.awaitTerminal(tasks.get(0), Duration.ofSeconds(60));
        pipeline.stopEmbeddingWorker();
        try {
            for (int i = 0; i < 12; i++) {
                tasks.add(client.submit("/v1/resumes", unique(Seeds.pythonAiServicesResume("down" + i + "@example.com")))
                        .get("task_id").asString());
            }
            JsonNode waiting = PipelineClient.json(client.get(client.results("/v1/tasks/" + tasks.get(tasks.size() - 1))));
            assertThat(waiting.get("state").asString()).isEqualTo("ACCEPTED");
        } finally {
            pipeline.startEmbeddingWorker();
        }

        for (String taskId : tasks) {
            assertThat(client.awaitTerminal(taskId, Duration.ofSeconds(90)).get("state").asString())
                    .as(taskId).isEqualTo("SUCCEEDED");
        }
        try (Connection db = database()) {
            var statement = db.prepareStatement(
                    "SELECT count(*), count(DISTINCT task_id) FROM task_results WHERE task_id = ANY (?)");
            statement.setArray(1, db.createArrayOf("uuid", tasks.stream().map(UUID::fromString).toArray()));
            ResultSet rs = statement.executeQuery();
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(tasks.size());
            assertThat(rs.getLong(2)).isEqualTo(tasks.size());
        }
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndItsTaskFailsWithAReason() throws Exception {
        UUID taskId = UUID.randomUUID();
        String key = "poison-" + taskId;
        // Readable JSON naming its task, but no payload: the worker cannot process it.
        byte[] noPayload = PipelineJson.mapper().writeValueAsBytes(new EventEnvelope<>(UUID.randomUUID().toString(),
                Topics.RESUME_SUBMITTED_NAME, taskId, SharedPipeline.TENANT_A, key, null, Instant.now(), null, null));
        byte[] garbage = "{this is not json".getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> producer = Topics4Tests.producer(pipeline)) {
            producer.send(new ProducerRecord<>(Topics.RESUME_SUBMITTED_NAME, key, garbage)).get(10, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(Topics.RESUME_SUBMITTED_NAME, key, noPayload)).get(10, TimeUnit.SECONDS);
        }
        JsonNode task = client.awaitTerminal(taskId.toString(), Duration.ofSeconds(60));
        assertThat(task.get("state").asString()).isEqualTo("FAILED");
        assertThat(task.get("error").get("code").asString()).isEqualTo("MALFORMED_EVENT");
        assertThat(task.get("error").get("message").asString()).contains("no payload");

        List<ConsumerRecord<String, byte[]>> dead = Topics4Tests.readKey(pipeline, Topics.RESUME_SUBMITTED.deadLetterTopic(), key, 2);
        assertThat(dead).hasSize(2);
        assertThat(dead.get(0).headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
        assertThat(dead).extracting(r -> new String(r.value(), StandardCharsets.UTF_8)).contains("{this is not json");

        // The partition keeps moving: a good resume after the poison is still processed.
        JsonNode after = client.submit("/v1/resumes", unique(Seeds.javaKafkaResume("after@example.com")));
        assertThat(client.awaitTerminal(after.get("task_id").asString(), Duration.ofSeconds(60)).get("state").asString())
                .isEqualTo("SUCCEEDED");
    }

    @Test
    void everyServiceReportsLivenessReadinessAndMetrics() {
        client.submit("/v1/resumes", unique(Seeds.javaKafkaResume("metrics@example.com")));
        for (int port : new int[] {pipeline.ingestPort(), pipeline.resultsPort(), pipeline.embeddingWorkerPort()}) {
            for (String probe : List.of("liveness", "readiness")) {
                HttpResponse<String> health = client.get("http://127.0.0.1:" + port + "/actuator/health/" + probe);
                assertThat(health.statusCode()).as(port + " " + probe).isEqualTo(200);
                assertThat(PipelineClient.json(health).get("status").asString()).isEqualTo("UP");
            }
        }
        // Public health shows the status only; the worker's readiness (model loaded) is also a metric.
        JsonNode readiness = PipelineClient.json(
                client.get("http://127.0.0.1:" + pipeline.embeddingWorkerPort() + "/actuator/health/readiness"));
        assertThat(readiness.has("components")).as("no component details without a key").isFalse();

        String ingest = client.scrape("http://127.0.0.1:" + pipeline.ingestPort() + "/actuator/prometheus").body();
        assertThat(ingest).contains("pipeline_submissions_total", "pipeline_ingest_publish_latency_seconds_bucket",
                "http_server_requests_seconds_bucket");
        String worker = client.scrape("http://127.0.0.1:" + pipeline.embeddingWorkerPort() + "/actuator/prometheus").body();
        assertThat(worker).contains("pipeline_readiness_state{", "inference_latency_seconds_bucket", "inference_batch_size_bucket",
                "inference_texts_total", "pipeline_cache_requests_total", "pipeline_embedding_documents_total",
                "pipeline_worker_batch_latency_seconds_bucket");
        client.awaitTerminal(client.submit("/v1/jobs", Seeds.pastryChefJob()).get("task_id").asString(), Duration.ofSeconds(60));
        String results = client.scrape("http://127.0.0.1:" + pipeline.resultsPort() + "/actuator/prometheus").body();
        assertThat(results).contains("pipeline_tasks_total", "pipeline_task_latency_seconds_bucket");
    }

    private JsonNode embeddingsOf(String path, String body, String idField, String resultPrefix) {
        JsonNode accepted = client.submit(path, body);
        JsonNode task = client.awaitTerminal(accepted.get("task_id").asString(), Duration.ofSeconds(60));
        assertThat(task.get("state").asString()).isEqualTo("SUCCEEDED");
        return PipelineClient.json(client.get(client.results(resultPrefix + accepted.get(idField).asString() + "/embeddings")));
    }

    private static double cosine(JsonNode a, String sectionA, JsonNode b, String sectionB) {
        JsonNode x = a.get("mean_embeddings").get(sectionA);
        JsonNode y = b.get("mean_embeddings").get(sectionB);
        double dot = 0;
        for (int i = 0; i < x.size(); i++) {
            dot += x.get(i).asDouble() * y.get(i).asDouble();
        }
        return dot / (norm(x) * norm(y));
    }

    private static double norm(JsonNode vector) {
        double sum = 0;
        for (JsonNode v : vector) {
            sum += v.asDouble() * v.asDouble();
        }
        return Math.sqrt(sum);
    }

    private static Connection database() throws Exception {
        var endpoints = pipeline.stack().endpoints();
        return DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.dbUser(), endpoints.dbPassword());
    }

    private static long countTasks() throws Exception {
        try (Connection db = database(); ResultSet rs = db.createStatement().executeQuery("SELECT count(*) FROM tasks")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
