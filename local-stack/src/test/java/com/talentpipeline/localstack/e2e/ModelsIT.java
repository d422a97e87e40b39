package com.talentpipeline.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.localstack.pipeline.LocalPipeline;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /v1/models} on the results API lists what the workers (other services: the embedding
 * worker and the RAG worker) have loaded, from their announcements on {@code model.registry}, and
 * the embedding worker's requests served grow with the work it does.
 */
class ModelsIT {

    static LocalPipeline pipeline;
    static PipelineClient client;

    @BeforeAll
    static void startPipeline() {
        pipeline = SharedPipeline.get();
        client = new PipelineClient(pipeline);
    }

    private static JsonNode workerModel() {
        return workerModel("embedding-worker");
    }

    /** @return the first fresh model that {@code service} (its spring.application.name) announced */
    private static JsonNode workerModel(String service) {
        Instant deadline = Instant.now().plusSeconds(30);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            var response = client.get(client.results("/v1/models"));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            last = response.body();
            for (JsonNode model : PipelineClient.json(response).get("models")) {
                if (model.get("service").asString().equals(service) && !model.get("stale").asBoolean()) {
                    return model;
                }
            }
            PipelineClient.sleep(200);
        }
        throw new AssertionError("no " + service + " model in /v1/models: " + last);
    }

    @Test
    void listsTheModelsOfBothWorkersUnderTheirOwnServiceNames() {
        JsonNode embedding = workerModel("embedding-worker");
        JsonNode rag = workerModel("rag-worker");
        for (JsonNode model : new JsonNode[] {embedding, rag}) {
            assertThat(model.get("name").asString()).isEqualTo("all-minilm-l6-v2");
            assertThat(model.get("digest").asString()).matches("[0-9a-f]{64}");
            assertThat(model.get("dimension").asInt()).isEqualTo(384);
            assertThat(model.get("instance").asString()).isNotBlank();
        }
        // Same bundled model, same provenance, announced by two services.
        assertThat(rag.get("version").asString()).isEqualTo(embedding.get("version").asString());
    }

    @Test
    void listsTheWorkersLoadedModelWithProvenanceAndRequestsServed() {
        JsonNode model = workerModel();
        assertThat(model.get("name").asString()).isEqualTo("all-minilm-l6-v2");
        assertThat(model.get("version").asString()).startsWith("all-minilm-l6-v2@");
        assertThat(model.get("digest").asString()).matches("[0-9a-f]{64}")
                .startsWith(model.get("version").asString().substring("all-minilm-l6-v2@".length()));
        assertThat(model.get("engine").asString()).isEqualTo("OnnxRuntime");
        assertThat(model.get("device").asString()).isEqualTo("cpu");
        assertThat(model.get("dimension").asInt()).isEqualTo(384);
        assertThat(model.get("load_time_millis").asLong()).isPositive();
        assertThat(model.get("instance").asString()).isNotBlank();
        long servedBefore = model.get("requests_served").asLong();

        String resume = Seeds.pythonAiServicesResume("models@example.com")
                .replace("\"summary\":\"", "\"summary\":\"Models " + UUID.randomUUID() + ". ");
        String taskId = client.submit("/v1/resumes", resume).get("task_id").asString();
        JsonNode task = client.awaitTerminal(taskId, Duration.ofSeconds(60));
        assertThat(task.get("model").get("version").asString()).isEqualTo(model.get("version").asString());

        Instant deadline = Instant.now().plusSeconds(20);
        long served = servedBefore;
        while (served <= servedBefore && Instant.now().isBefore(deadline)) {
            PipelineClient.sleep(200);
            served = workerModel().get("requests_served").asLong();
        }
        assertThat(served).as("requests served after one more resume").isGreaterThan(servedBefore);
    }
}
