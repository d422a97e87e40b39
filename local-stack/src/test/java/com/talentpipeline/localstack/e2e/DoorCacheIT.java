package com.talentpipeline.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.task.TaskIds;
import com.talentpipeline.localstack.pipeline.LocalPipeline;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17, point 2: a resubmission whose every result is known (embedding and score, same tenant, same
 * model and scorer versions as the live workers) is answered at the door: the 202 already says SUCCEEDED
 * with {@code cacheHit} and the result link, the task reads SUCCEEDED at once, no model runs anywhere, the
 * event still reaches the workers (the new resume's score appears, answered from their caches), and their
 * later RUNNING/SUCCEEDED events change nothing on the finished task. Another tenant's identical content is
 * no door hit.
 */
class DoorCacheIT {

    static LocalPipeline pipeline;
    static PipelineClient client;

    @BeforeAll
    static void start() {
        pipeline = SharedPipeline.get();
        client = new PipelineClient(pipeline);
    }

    @Test
    void aResubmissionWhoseResultsAreKnownIsAnsweredAtTheDoorWithoutAnyModelCall() {
        String content = uniqueResume();
        JsonNode first = client.submit("/v1/resumes", content);
        assertThat(first.get("status").asString()).isEqualTo("ACCEPTED");
        String firstId = first.get("resume_id").asString();
        JsonNode firstTask = client.awaitTerminal(first.get("task_id").asString(), Duration.ofSeconds(90));
        assertThat(firstTask.get("state").asString()).isEqualTo("SUCCEEDED");
        awaitScore(firstId);
        JsonNode scoreTask = client.awaitTerminal(
                TaskIds.resumeScore(SharedPipeline.TENANT_A, firstId, 1).toString(), Duration.ofSeconds(90));
        assertThat(scoreTask.get("state").asString()).isEqualTo("SUCCEEDED");
        // Every consumer of the first submission is done: nothing is being encoded any more.
        Map<String, Double> before = awaitSteadyInferenceCounts();
        double hitsBefore = doorRequests("hit");
        int worker = pipeline.embeddingWorkerPort();
        double cachedBefore = client.metric(worker, "pipeline_embedding_documents_total", "source=\"cache\"");

        long t0 = System.nanoTime();
        HttpResponse<String> response = client.post(client.ingest("/v1/resumes"), content, Map.of());
        double answerMillis = (System.nanoTime() - t0) / 1e6;
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode answer = PipelineClient.json(response);
        String resumeId = answer.get("resume_id").asString();
        String taskId = answer.get("task_id").asString();
        assertThat(resumeId).isNotEqualTo(firstId);
        assertThat(answer.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(answer.get("cache_hit").asBoolean()).isTrue();
        assertThat(answer.get("result_link").asString()).isEqualTo("/v1/resumes/" + resumeId + "/embeddings");
        assertThat(response.headers().firstValue("Location")).hasValue(answer.get("task_url").asString());
        assertThat(doorRequests("hit")).isEqualTo(hitsBefore + 1);

        // Finished at once: no polling needed.
        HttpResponse<String> polled = client.get(client.results("/v1/tasks/" + taskId));
        assertThat(polled.statusCode()).as(polled.body()).isEqualTo(200);
        JsonNode task = PipelineClient.json(polled);
        assertThat(task.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(task.get("cache_hit").asBoolean()).isTrue();
        assertThat(task.get("progress").asInt()).isEqualTo(100);
        assertThat(task.get("result_link").asString()).isEqualTo("/v1/resumes/" + resumeId + "/embeddings");
        assertThat(task.get("model").get("version").asString()).isEqualTo(firstTask.get("model").get("version").asString());
        System.out.printf("DoorCacheIT: door answer in %.1f ms (POST to 202, SUCCEEDED)%n", answerMillis);

        // The result is the new resume's: readable now, the same vectors as the first resume's.
        HttpResponse<String> embeddings = client.get(client.results("/v1/resumes/" + resumeId + "/embeddings"));
        assertThat(embeddings.statusCode()).as(embeddings.body()).isEqualTo(200);
        JsonNode vectors = PipelineClient.json(embeddings);
        assertThat(vectors.get("resume_id").asString()).isEqualTo(resumeId);
        assertThat(vectors.get("version").asInt()).isEqualTo(1);
        JsonNode firstVectors = PipelineClient.json(client.get(client.results("/v1/resumes/" + firstId + "/embeddings")));
        assertThat(vectors.get("mean_embeddings")).isEqualTo(firstVectors.get("mean_embeddings"));

        // The event still went out: the workers update their views of the new resume from their caches.
        JsonNode score = awaitScore(resumeId);
        assertThat(score.get("resume_id").asString()).isEqualTo(resumeId);
        JsonNode newScoreTask = client.awaitTerminal(
                TaskIds.resumeScore(SharedPipeline.TENANT_A, resumeId, 1).toString(), Duration.ofSeconds(90));
        assertThat(newScoreTask.get("cache_hit").asBoolean()).isTrue();
        // The embedding worker answered the event from its cache too; its RUNNING and SUCCEEDED events for
        // the finished task reached the results API and changed nothing (a task only moves forward).
        awaitTrue(() -> client.metric(worker, "pipeline_embedding_documents_total", "source=\"cache\"") > cachedBefore,
                "the embedding worker answered the resubmission from its cache");
        awaitSteadyInferenceCounts();
        JsonNode after = PipelineClient.json(client.get(client.results("/v1/tasks/" + taskId)));
        assertThat(after.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(after.get("cache_hit").asBoolean()).isTrue();
        assertThat(after.get("progress").asInt()).isEqualTo(100);
        assertThat(after.get("finished_at").asString()).isEqualTo(task.get("finished_at").asString());
        assertThat(after.get("result_link").asString()).isEqualTo(task.get("result_link").asString());

        Map<String, Double> now = inferenceCounts();
        System.out.println("DoorCacheIT: inference_texts_total before " + before + ", after " + now);
        // No model call anywhere: the door answered, the embedding worker answered the event from its cache,
        // and the scoring, RAG and matching workers used the vectors it published (embed once).
        now.forEach((service, count) ->
                assertThat(count).as(service + " inference_texts_total").isEqualTo(before.get(service)));
    }

    @Test
    void anotherTenantsIdenticalContentIsNoDoorHit() {
        String content = uniqueResume();
        JsonNode first = client.submit("/v1/resumes", content);
        String firstId = first.get("resume_id").asString();
        client.awaitTerminal(first.get("task_id").asString(), Duration.ofSeconds(90));
        awaitScore(firstId);
        client.awaitTerminal(TaskIds.resumeScore(SharedPipeline.TENANT_A, firstId, 1).toString(), Duration.ofSeconds(90));
        // Both entries are written once the results API stored both SUCCEEDED tasks; tenant A's own
        // resubmission hits (checked first, so the miss below is about the tenant, not timing).
        awaitTrue(() -> hitFor(client, content), "tenant A's resubmission hits");

        PipelineClient b = client.withKey(SharedPipeline.keyB());
        double missesBefore = doorRequests("miss");
        JsonNode other = b.submit("/v1/resumes", content);
        assertThat(other.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(other.has("cache_hit")).isFalse();
        assertThat(doorRequests("miss")).isGreaterThan(missesBefore);
        JsonNode otherTask = b.awaitTerminal(other.get("task_id").asString(), Duration.ofSeconds(90));
        assertThat(otherTask.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(otherTask.get("cache_hit").asBoolean()).as("no signal across tenants").isFalse();
    }

    private static boolean hitFor(PipelineClient c, String content) {
        JsonNode answer = c.submit("/v1/resumes", content);
        return answer.has("cache_hit") && answer.get("cache_hit").asBoolean();
    }

    /** A resume no other test submitted (a unique sentence in the summary). */
    private static String uniqueResume() {
        return Seeds.javaKafkaResume("door@example.com")
                .replace("\"summary\":\"", "\"summary\":\"Door reference " + UUID.randomUUID() + ". ");
    }

    private static double doorRequests(String outcome) {
        return client.metric(pipeline.ingestPort(), "ingest_door_cache_requests_total", "outcome=\"" + outcome + "\"");
    }

    /** {@code inference_texts_total} of every service, by service. */
    private static Map<String, Double> inferenceCounts() {
        Map<String, Double> counts = new LinkedHashMap<>();
        counts.put("ingest-api", client.metric(pipeline.ingestPort(), "inference_texts_total"));
        counts.put("results-api", client.metric(pipeline.resultsPort(), "inference_texts_total"));
        counts.put("embedding-worker", client.metric(pipeline.embeddingWorkerPort(), "inference_texts_total"));
        counts.put("rag-worker", client.metric(pipeline.ragWorkerPort(), "inference_texts_total"));
        counts.put("scoring-worker", client.metric(pipeline.scoringWorkerPort(), "inference_texts_total"));
        counts.put("matching-worker", client.metric(pipeline.matchingWorkerPort(), "inference_texts_total"));
        counts.put("detection-worker", client.metric(pipeline.detectionWorkerPort(), "inference_texts_total"));
        return counts;
    }

    /** The counts once they stayed the same for a second (the consumers of earlier events are done). */
    private static Map<String, Double> awaitSteadyInferenceCounts() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Map<String, Double> last = inferenceCounts();
        while (Instant.now().isBefore(deadline)) {
            PipelineClient.sleep(1000);
            Map<String, Double> now = inferenceCounts();
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        throw new AssertionError("model calls did not settle: " + last);
    }

    private static JsonNode awaitScore(String resumeId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        HttpResponse<String> last = null;
        while (Instant.now().isBefore(deadline)) {
            last = client.get(client.results("/v1/resumes/" + resumeId + "/score"));
            if (last.statusCode() == 200) {
                return PipelineClient.json(last);
            }
            PipelineClient.sleep(100);
        }
        throw new AssertionError("resume " + resumeId + " not scored: " + (last == null ? null : last.body()));
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            PipelineClient.sleep(200);
        }
        throw new AssertionError("not true within 60 s: " + what);
    }
}
