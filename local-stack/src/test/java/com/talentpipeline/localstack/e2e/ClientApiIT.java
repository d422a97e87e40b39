package com.talentpipeline.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.task.TaskEvent;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.localstack.pipeline.LocalPipeline;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What a real client does beyond submit-and-poll: Server-Sent Events until the task ends, long-polls,
 * listings with cursors, a user's predictions, and erasure as a task whose result says what was removed.
 */
class ClientApiIT {

    static LocalPipeline pipeline;
    static PipelineClient client;

    @BeforeAll
    static void start() {
        pipeline = SharedPipeline.get();
        client = new PipelineClient(pipeline);
    }

    @Test
    void serverSentEventsStreamStatesUntilTheTaskEnds() {
        String taskId = client.submit("/v1/resumes", Seeds.pythonAiServicesResume("sse-" + UUID.randomUUID()
                + "@example.com")).get("task_id").asString();
        HttpResponse<Stream<String>> stream = client.lines(client.request(client.results("/v1/tasks/" + taskId + "/events"))
                .header("Accept", "text/event-stream").GET());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<String> lines;
        try (Stream<String> body = stream.body()) {
            lines = body.toList(); // the server ends the stream at the terminal state
        }
        List<String> states = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals("event:state")) {
                String data = lines.stream().skip(i).filter(l -> l.startsWith("data:")).findFirst().orElseThrow();
                states.add(com.talentpipeline.core.json.PipelineJson.mapper().readTree(data.substring(5)).get("state").asString());
            }
        }
        assertThat(states).as(String.join("\n", lines)).isNotEmpty();
        assertThat(states.get(states.size() - 1)).isEqualTo("SUCCEEDED");
        assertThat(states.stream().filter(s -> s.equals("SUCCEEDED")).count()).isEqualTo(1);
        assertThat(client.get(client.results("/v1/tasks/" + UUID.randomUUID() + "/events")).statusCode()).isEqualTo(404);
    }

    @Test
    void longPollAnswersAtTheTerminalStateOrAfterTheWait() throws Exception {
        String taskId = client.submit("/v1/resumes", Seeds.javaKafkaResume("poll-" + UUID.randomUUID()
                + "@example.com")).get("task_id").asString();
        long t0 = System.nanoTime();
        HttpResponse<String> done = client.get(client.results("/v1/tasks/" + taskId + "?wait=30s"));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(PipelineClient.json(done).get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));

        // A task that stays RUNNING: the long poll gives up after the wait with the current state.
        UUID stuck = UUID.randomUUID();
        try (var producer = Topics4Tests.producer(pipeline)) {
            var envelope = new EventEnvelope<>(UUID.randomUUID().toString(), Topics.TASK_EVENTS_NAME, stuck,
                    SharedPipeline.TENANT_A, "stuck-" + stuck, null, Instant.now(), null, TaskEvent.running(TaskType.RAG_QUERY));
            producer.send(new ProducerRecord<>(Topics.TASK_EVENTS_NAME, "stuck-" + stuck, Topics.TASK_EVENTS.encode(envelope)))
                    .get(10, TimeUnit.SECONDS);
        }
        Instant deadline = Instant.now().plusSeconds(30);
        while (client.get(client.results("/v1/tasks/" + stuck)).statusCode() != 200 && Instant.now().isBefore(deadline)) {
            PipelineClient.sleep(50);
        }
        long t1 = System.nanoTime();
        HttpResponse<String> waited = client.get(client.results("/v1/tasks/" + stuck + "?wait=2s"));
        long waitedMs = (System.nanoTime() - t1) / 1_000_000;
        assertThat(PipelineClient.json(waited).get("state").asString()).isEqualTo("RUNNING");
        assertThat(waitedMs).isBetween(1_500L, 10_000L);
        assertThat(client.get(client.results("/v1/tasks/" + stuck + "?wait=soon")).statusCode()).isEqualTo(400);
    }

    @Test
    void listingsPageWithCursorsAndPredictionsBelongToTheUser() throws Exception {
        String user = "list-" + UUID.randomUUID();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            JsonNode accepted = client.submit("/v1/resumes?userId=" + user, Seeds.frontendResume("l" + i + "-"
                    + UUID.randomUUID() + "@example.com"));
            ids.add(accepted.get("resume_id").asString());
            client.awaitTerminal(accepted.get("task_id").asString(), Duration.ofSeconds(60));
        }
        // A file upload with a userId form field belongs to the user as well.
        String boundary = "----user" + UUID.randomUUID();
        String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"userId\"\r\n\r\n" + user + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cv.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nJANE ROE\njane.roe@example.com\n\nSKILLS\nJava, Kafka\n\nEXPERIENCE\n"
                + "Engineer, Acme Corp    Jan 2019 - Present\n- Built services.\n\r\n--" + boundary + "--\r\n";
        HttpResponse<String> uploaded = client.send(client.request(client.ingest("/v1/resumes"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(202);
        ids.add(PipelineClient.json(uploaded).get("resume_id").asString());

        JsonNode first = PipelineClient.json(client.get(client.results("/v1/resumes?userId=" + user + "&limit=3")));
        assertThat(first.get("items").size()).isEqualTo(3);
        String cursor = first.get("next_cursor").asString();
        JsonNode second = PipelineClient.json(client.get(client.results("/v1/resumes?userId=" + user
                + "&limit=3&cursor=" + cursor)));
        assertThat(second.get("items").size()).isEqualTo(1);
        assertThat(second.get("next_cursor").isNull()).isTrue();
        Set<String> listed = new HashSet<>();
        first.get("items").forEach(r -> listed.add(r.get("id").asString()));
        second.get("items").forEach(r -> listed.add(r.get("id").asString()));
        assertThat(listed).isEqualTo(ids);
        first.get("items").forEach(r -> assertThat(r.get("user_id").asString()).isEqualTo(user));

        // Tasks: pages do not overlap and go newest first; filters apply.
        JsonNode tasks1 = PipelineClient.json(client.get(client.results("/v1/tasks?type=resume.embedding&state=SUCCEEDED&limit=1")));
        JsonNode tasks2 = PipelineClient.json(client.get(client.results("/v1/tasks?type=resume.embedding&state=SUCCEEDED&limit=1&cursor="
                + tasks1.get("next_cursor").asString())));
        List<String> seen = new ArrayList<>();
        List<String> created = new ArrayList<>();
        for (JsonNode page : List.of(tasks1, tasks2)) {
            page.get("items").forEach(t -> {
                seen.add(t.get("task_id").asString());
                created.add(t.get("created_at").asString());
                assertThat(t.get("state").asString()).isEqualTo("SUCCEEDED");
                assertThat(t.get("type").asString()).isEqualTo("resume.embedding");
            });
        }
        assertThat(seen).hasSize(2).doesNotHaveDuplicates();
        List<Instant> times = created.stream().map(Instant::parse).toList();
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i)).isBeforeOrEqualTo(times.get(i - 1));
        }
        assertThat(client.get(client.results("/v1/tasks?cursor=not-a-cursor")).statusCode()).isEqualTo(400);
        // Tampered cursors (a negative time, the first format) and a cursor replayed with other filters
        // or on another listing: 400 invalid_cursor, never a page.
        String tampered = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("-1|" + java.util.UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (String url : List.of(client.results("/v1/tasks?cursor=" + tampered),
                client.results("/v1/resumes?cursor=" + tampered),
                client.results("/v1/users/" + user + "/predictions?cursor=" + tampered),
                client.results("/v1/tasks?type=resume.embedding&state=FAILED&limit=1&cursor="
                        + tasks1.get("next_cursor").asString()),
                client.results("/v1/resumes?limit=3&cursor=" + tasks1.get("next_cursor").asString()))) {
            var refused = client.get(url);
            assertThat(refused.statusCode()).as(url).isEqualTo(400);
            assertThat(refused.body()).as(url).contains("invalid_cursor");
        }
        assertThat(client.get(client.results("/v1/tasks?state=SLEEPING")).statusCode()).isEqualTo(400);

        // Predictions of the user's resumes: the scoring worker's rows (resume score and career path).
        String resumeId = listed.stream().filter(id -> !id.equals(PipelineClient.json(uploaded).get("resume_id").asString()))
                .findFirst().orElseThrow();
        JsonNode career = awaitPrediction(user, resumeId, "career_path");
        assertThat(career.get("career_path").asString()).isNotBlank();
        assertThat(career.get("confidence").asDouble()).isBetween(0.0, 1.0);
        JsonNode score = awaitPrediction(user, resumeId, "resume_score");
        assertThat(score.get("ats_score").asInt()).isBetween(0, 100);
        assertThat(score.get("grade").asString()).matches("A\\+|A|B\\+|B|C\\+|C|D|F");
        JsonNode predictions = PipelineClient.json(client.get(client.results("/v1/users/" + user + "/predictions?limit=100")));
        predictions.get("items").forEach(item -> assertThat(listed).contains(item.get("resume_id").asString()));
        String prediction = career.get("id").asString();
        PipelineClient other = client.withKey(SharedPipeline.keyB());
        assertThat(other.delete(client.results("/v1/predictions/" + prediction)).statusCode()).isEqualTo(404);
        assertThat(client.delete(client.results("/v1/predictions/" + prediction)).statusCode()).isEqualTo(204);
        assertThat(client.delete(client.results("/v1/predictions/" + prediction)).statusCode()).isEqualTo(404);
    }

    @Test
    void erasingAUserIsATaskWhoseResultListsWhatWasRemoved() throws Exception {
        String user = "erase-" + UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            JsonNode accepted = client.submit("/v1/resumes?userId=" + user, Seeds.javaKafkaResume("e" + i + "-"
                    + UUID.randomUUID() + "@example.com"));
            ids.add(accepted.get("resume_id").asString());
            client.awaitTerminal(accepted.get("task_id").asString(), Duration.ofSeconds(60));
        }
        // Wait for the scoring and matching workers' rows of both resumes, so the erasure has them to remove.
        for (String id : ids) {
            awaitPrediction(user, id, "resume_score");
            awaitPrediction(user, id, "career_path");
            awaitPrediction(user, id, "recommendations");
        }
        HttpResponse<String> erased = client.delete(client.ingest("/v1/users/" + user));
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(202);
        String taskId = PipelineClient.json(erased).get("task_id").asString();
        assertThat(erased.headers().firstValue("Location").orElse("")).endsWith("/v1/tasks/" + taskId);
        // The fan-out: ingest erased its own rows before answering; every other participant erases its own
        // data on the "deleted" event and reports; the task succeeds once all listed participants reported.
        assertThat(PipelineClient.json(erased).get("status").asString()).isEqualTo("RUNNING");
        assertThat(client.awaitTerminal(taskId, Duration.ofSeconds(60)).get("state").asString()).isEqualTo("SUCCEEDED");
        JsonNode task = PipelineClient.json(client.get(client.results("/v1/tasks/" + taskId + "?includeResult=true")));
        assertThat(task.get("type").asString()).isEqualTo("erasure");
        assertThat(task.get("progress").asInt()).isEqualTo(100);
        JsonNode result = task.get("result");
        assertThat(result.get("resumes").size()).isEqualTo(2);
        JsonNode participants = result.get("participants");
        // The stored result is jsonb, which keeps no key order.
        assertThat(participants.propertyNames()).as(participants.toString())
                .containsExactlyInAnyOrder("ingest", "embedding", "scoring", "rag", "matching", "results");
        // Each participant reports its own data only.
        assertThat(participants.get("ingest").get("resumes").asLong()).isEqualTo(2);
        assertThat(participants.get("ingest").has("predictions")).isFalse();
        assertThat(participants.get("scoring").get("resume_scores").asLong()).isEqualTo(2);
        assertThat(participants.get("scoring").has("predictions")).as("predictions are the results API's").isFalse();
        // Per resume: resume_score, career_path (scoring) and recommendations (matching, every version).
        assertThat(participants.get("results").get("predictions").asLong()).isEqualTo(6);
        assertThat(participants.get("results").get("tasks").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(participants.get("results").get("task_results").asLong()).isGreaterThanOrEqualTo(2);
        // Its projection of resume.submitted (owner, file name): one version per resume.
        assertThat(participants.get("results").get("resume_versions").asLong()).isEqualTo(2);
        assertThat(participants.get("embedding").has("cache_keys")).isTrue();
        assertThat(participants.get("rag").has("rag_documents")).isTrue();
        assertThat(participants.get("matching").get("index_entries").asLong()).isBetween(0L, 2L);
        // Totals per table over the participants, as before the fan-out.
        assertThat(result.get("rows").get("resumes").asLong()).isEqualTo(2);
        assertThat(result.get("rows").get("predictions").asLong()).isEqualTo(6);
        assertThat(result.get("rows").get("resume_scores").asLong()).isEqualTo(2);
        assertThat(rowsOf("predictions", ids) + rowsOf("resume_scores", ids) + rowsOf("resume_versions", ids))
                .as("derived rows left").isZero();
        assertThat(result.get("tombstones").size()).isEqualTo(2);
        assertThat(result.get("cache_keys_evicted").asLong()).isGreaterThanOrEqualTo(0);
        JsonNode left = PipelineClient.json(client.get(client.results("/v1/resumes?userId=" + user)));
        assertThat(left.get("items").size()).isZero();
        for (String id : ids) {
            assertThat(client.get(client.results("/v1/resumes/" + id)).statusCode()).isEqualTo(404);
        }
        assertThat(client.delete(client.ingest("/v1/users/" + user)).statusCode()).isEqualTo(404);
    }

    @Test
    void anUploadHasOnePredictionWithItsPartsAndAnotherTenantGets404() {
        String user = "pred-" + UUID.randomUUID();
        String boundary = "----pred" + UUID.randomUUID();
        String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"userId\"\r\n\r\n" + user + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"grace-cv.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nGRACE HOPPER\ngrace.hopper." + UUID.randomUUID() + "@example.com\n\n"
                + "SUMMARY\nBackend engineer building Java and Kafka services.\n\nSKILLS\nJava, Kafka, PostgreSQL, Docker\n\n"
                + "EXPERIENCE\nSenior Software Engineer, Acme Corp    Jan 2019 - Present\n- Built event-driven services.\n\r\n--"
                + boundary + "--\r\n";
        HttpResponse<String> uploaded = client.send(client.request(client.ingest("/v1/resumes"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(202);
        JsonNode accepted = PipelineClient.json(uploaded);
        String taskId = accepted.get("task_id").asString();
        String resumeId = accepted.get("resume_id").asString();
        // The prediction id is the upload's task id; the 202 answer and the task link to it.
        assertThat(accepted.get("prediction_url").asString()).endsWith("/v1/predictions/" + taskId);
        JsonNode task = client.awaitTerminal(taskId, Duration.ofSeconds(60));
        assertThat(task.get("prediction_url").asString()).isEqualTo("/v1/predictions/" + taskId);
        assertThat(task.get("subject_version").asInt()).isEqualTo(1);

        JsonNode prediction = awaitSettled(taskId);
        assertThat(prediction.get("status").asString()).as(prediction.toString()).isEqualTo("complete");
        assertThat(prediction.get("resume_id").asString()).isEqualTo(resumeId);
        assertThat(prediction.get("resume_version").asInt()).isEqualTo(1);
        assertThat(prediction.get("current_version").asBoolean()).isTrue();
        assertThat(prediction.get("source").asString()).isEqualTo("file");
        assertThat(prediction.get("file_name").asString()).isEqualTo("grace-cv.txt");
        assertThat(prediction.get("user_id").asString()).isEqualTo(user);
        JsonNode career = prediction.get("career_path");
        assertThat(career.get("status").asString()).isEqualTo("available");
        assertThat(career.get("career_path").asString()).isNotBlank();
        assertThat(career.get("confidence").asDouble()).isBetween(0.0, 1.0);
        JsonNode ats = prediction.get("ats_score");
        assertThat(ats.get("status").asString()).isEqualTo("available");
        assertThat(ats.get("ats_score").asInt()).isBetween(0, 100);
        JsonNode jobs = prediction.get("top_jobs");
        assertThat(jobs.get("status").asString()).isEqualTo("available");
        assertThat(jobs.get("jobs").isArray()).isTrue();
        assertThat(Instant.parse(prediction.get("updated_at").asString()))
                .isAfterOrEqualTo(Instant.parse(prediction.get("created_at").asString()));

        JsonNode mine = PipelineClient.json(client.get(client.results("/v1/predictions?userId=" + user)));
        assertThat(mine.get("items").size()).isEqualTo(1);
        assertThat(mine.get("items").get(0).get("id").asString()).isEqualTo(taskId);

        // Another tenant: 404 for the id, nothing in its listing, and it cannot delete it.
        PipelineClient other = client.withKey(SharedPipeline.keyB());
        HttpResponse<String> foreign = other.get(client.results("/v1/predictions/" + taskId));
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(PipelineClient.json(other.get(client.results("/v1/predictions?userId=" + user))).get("items").size())
                .isZero();
        assertThat(other.delete(client.results("/v1/predictions/" + taskId)).statusCode()).isEqualTo(404);

        // A new version is a new upload with its own prediction; the first one stays readable.
        HttpResponse<String> put = client.put(client.ingest("/v1/resumes/" + resumeId),
                Seeds.javaKafkaResume("grace-v2-" + UUID.randomUUID() + "@example.com"));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(202);
        String taskV2 = PipelineClient.json(put).get("task_id").asString();
        JsonNode v2 = PipelineClient.json(client.get(client.results("/v1/predictions/" + taskV2)));
        assertThat(v2.get("resume_version").asInt()).isEqualTo(2);
        assertThat(v2.get("source").asString()).isEqualTo("json");
        JsonNode v1 = PipelineClient.json(client.get(client.results("/v1/predictions/" + taskId)));
        assertThat(v1.get("current_version").asBoolean()).isFalse();
        assertThat(v1.get("career_path").get("career_path").asString()).isEqualTo(career.get("career_path").asString());

        // The tenant-wide listing pages newest first with a cursor; a tampered cursor is 400.
        JsonNode first = PipelineClient.json(client.get(client.results("/v1/predictions?limit=1&userId=" + user)));
        assertThat(first.get("items").get(0).get("id").asString()).isEqualTo(taskV2);
        String cursor = first.get("next_cursor").asString();
        JsonNode second = PipelineClient.json(client.get(client.results("/v1/predictions?limit=1&userId=" + user
                + "&cursor=" + cursor)));
        assertThat(second.get("items").get(0).get("id").asString()).isEqualTo(taskId);
        assertThat(second.get("next_cursor").isNull()).isTrue();
        assertThat(PipelineClient.json(client.get(client.results("/v1/predictions?limit=100"))).get("items").size())
                .isGreaterThanOrEqualTo(2);
        assertThat(client.get(client.results("/v1/predictions?cursor=x" + cursor)).statusCode()).isEqualTo(400);

        // Deleting the upload's prediction removes its parts; they then say so instead of vanishing.
        assertThat(client.delete(client.results("/v1/predictions/" + taskId)).statusCode()).isEqualTo(204);
        JsonNode deleted = PipelineClient.json(client.get(client.results("/v1/predictions/" + taskId)));
        assertThat(deleted.get("career_path").get("status").asString()).isEqualTo("deleted");
        assertThat(deleted.get("career_path").has("career_path")).isFalse();
        assertThat(deleted.get("status").asString()).isEqualTo("incomplete");
        assertThat(client.get(client.results("/v1/predictions/" + UUID.randomUUID())).statusCode()).isEqualTo(404);
    }

    /** The prediction once no part is pending (60 s at most). */
    private static JsonNode awaitSettled(String predictionId) {
        Instant deadline = Instant.now().plusSeconds(60);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> r = client.get(client.results("/v1/predictions/" + predictionId));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            last = PipelineClient.json(r);
            if (!last.get("status").asString().equals("pending")) {
                return last;
            }
            PipelineClient.sleep(200);
        }
        throw new AssertionError("prediction " + predictionId + " still pending after 60 s: " + last);
    }

    /** The user's prediction of a kind for a resume, once the worker has written it (30 s at most). */
    private static JsonNode awaitPrediction(String user, String resumeId, String kind) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            JsonNode page = PipelineClient.json(client.get(client.results("/v1/users/" + user + "/predictions?limit=100")));
            for (JsonNode item : page.get("items")) {
                if (item.get("resume_id").asString().equals(resumeId) && item.get("kind").asString().equals(kind)) {
                    return item;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + kind + " prediction for resume " + resumeId + " of user " + user + " in 30 s");
    }

    private static long rowsOf(String table, List<String> resumeIds) throws Exception {
        var endpoints = pipeline.stack().endpoints();
        try (Connection db = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.dbUser(), endpoints.dbPassword());
                PreparedStatement count = db.prepareStatement(
                        "SELECT count(*) FROM " + table + " WHERE resume_id = ANY (?)")) {
            count.setArray(1, db.createArrayOf("text", resumeIds.toArray()));
            ResultSet rs = count.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }
}
