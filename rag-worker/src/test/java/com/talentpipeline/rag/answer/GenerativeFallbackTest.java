package com.talentpipeline.rag.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.talentpipeline.core.rag.Citation;
import com.talentpipeline.inference.model.ModelInfo;
import com.talentpipeline.inference.text.TextEncoder;
import com.talentpipeline.core.chunk.Chunk;
import com.talentpipeline.rag.config.RagProperties;
import com.talentpipeline.rag.index.IndexedResume;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generative path against a local stub of an OpenAI-compatible endpoint (127.0.0.1 only). */
class GenerativeFallbackTest {

    private HttpServer server;
    private final AtomicReference<String> lastRequest = new AtomicReference<>();

    /** A stand-in encoder: every text maps to the same unit vector (retrieval is not under test here). */
    private static final TextEncoder SAME_VECTOR = new TextEncoder() {
        @Override
        public ModelInfo info() {
            return null;
        }

        @Override
        public float[][] embed(List<String> texts) {
            return texts.stream().map(t -> new float[] {1f, 0f}).toArray(float[][]::new);
        }

        @Override
        public void close() {
        }
    };

    private static final IndexedResume RESUME = new IndexedResume("r1", 2, "test", "x",
            List.of(new Chunk("workExperience-1.1", "workExperience", "Designed Kafka Streams pipelines", 0, 32,
                    "Work experience: Designed Kafka Streams pipelines")),
            new float[][] {{1f, 0f}});

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/uncited", exchange -> {
            lastRequest.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            reply(exchange, "They have used Kafka a lot.");
        });
        server.createContext("/invented", exchange -> reply(exchange, "They used Kafka [workExperience-9.9]."));
        server.createContext("/cited", exchange -> reply(exchange, "They designed Kafka Streams pipelines [workExperience-1.1]."));
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(exchange, "Too late [workExperience-1.1].");
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, String content) throws java.io.IOException {
        String body = "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":"
                + com.talentpipeline.core.json.PipelineJson.mapper().writeValueAsString(content) + "}}]}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private RagService service(String path) {
        RagProperties d = RagProperties.defaults();
        return new RagService(SAME_VECTOR, new RagProperties(d.retrieval(), d.answer(), d.query(),
                new RagProperties.Llm("http://127.0.0.1:" + server.getAddress().getPort() + path, "stub-model", "k",
                        Duration.ofMillis(500)), d.resultsBaseUrl()));
    }

    @Test
    void anAnswerWithoutCitationsIsRejectedForTheExtractiveOne() {
        Answer a = service("/uncited").answer(RESUME, "What is their Kafka experience?");

        assertThat(a.mode()).isEqualTo(Answer.EXTRACTIVE);
        assertThat(a.fallbackReason()).isEqualTo("no_valid_citation");
        assertThat(a.answered()).isTrue();
        assertThat(a.response()).isEqualTo("Designed Kafka Streams pipelines. [workExperience-1.1]");
        assertThat(a.citations()).extracting(Citation::chunkId).containsExactly("workExperience-1.1");
        // The model saw only the retrieved chunks, with their ids, and the question.
        assertThat(lastRequest.get()).contains("stub-model").contains("[workExperience-1.1] Designed Kafka Streams pipelines")
                .contains("What is their Kafka experience?");
    }

    @Test
    void anAnswerCitingAChunkThatWasNotRetrievedIsRejected() {
        Answer a = service("/invented").answer(RESUME, "What is their Kafka experience?");
        assertThat(a.mode()).isEqualTo(Answer.EXTRACTIVE);
        assertThat(a.fallbackReason()).isEqualTo("no_valid_citation");
    }

    @Test
    void aSlowEndpointTimesOutIntoTheExtractiveAnswer() {
        long t0 = System.nanoTime();
        Answer a = service("/slow").answer(RESUME, "What is their Kafka experience?");

        assertThat(a.mode()).isEqualTo(Answer.EXTRACTIVE);
        assertThat(a.fallbackReason()).isEqualTo("timeout");
        assertThat(a.citations()).extracting(Citation::chunkId).containsExactly("workExperience-1.1");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(1_800));
    }

    @Test
    void aValidlyCitedAnswerIsUsed() {
        Answer a = service("/cited").answer(RESUME, "What is their Kafka experience?");
        assertThat(a.mode()).isEqualTo(Answer.GENERATIVE);
        assertThat(a.fallbackReason()).isNull();
        assertThat(a.response()).isEqualTo("They designed Kafka Streams pipelines [workExperience-1.1].");
        assertThat(a.citations()).extracting(Citation::chunkId).containsExactly("workExperience-1.1");
    }

    @Test
    void anUnreachableEndpointFallsBackWithTheError() {
        server.stop(0);
        Answer a = service("/cited").answer(RESUME, "What is their Kafka experience?");
        assertThat(a.mode()).isEqualTo(Answer.EXTRACTIVE);
        assertThat(a.fallbackReason()).startsWith("error");
    }
}
