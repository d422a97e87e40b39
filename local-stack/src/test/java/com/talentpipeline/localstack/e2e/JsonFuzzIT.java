package com.talentpipeline.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.localstack.pipeline.LocalPipeline;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Scenario 6: every JSON/text POST endpoint (ingest resumes and jobs, the RAG worker's queries) fuzzed
 * for a bounded time with a printed seed ({@code -Dfuzz.seed=...} replays it): random JSON, valid
 * documents with a field of the wrong type, huge strings, invalid UTF-8, 1000 levels of nesting,
 * huge numbers, truncated JSON, random bytes. Every answer is a 2xx or a 4xx problem+json within
 * the per-request timeout, and the submitted topics grow by exactly the number of 202s: nothing
 * rejected is published. Multipart uploads are fuzzed by {@link UploadFuzzIT}.
 */
class JsonFuzzIT {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static LocalPipeline pipeline;
    static PipelineClient client;

    private record Endpoint(String url, String contentType, String seed) {
    }

    @BeforeAll
    static void startPipeline() {
        pipeline = SharedPipeline.get();
        client = new PipelineClient(pipeline);
    }

    @Test
    void fuzzedBodiesGetA2xxOrA4xxProblemInTimeAndNothingRejectedIsPublished() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("JsonFuzzIT seed " + seed);
        Random random = new Random(seed);
        List<Endpoint> endpoints = List.of(
                new Endpoint(client.ingest("/v1/resumes"), "application/json", Seeds.javaKafkaResume("fuzz@example.com")),
                new Endpoint(client.ingest("/v1/jobs"), "application/json", Seeds.backendJob()),
                new Endpoint(client.ingest("/v1/jobs"), "text/plain", "Senior Java Engineer at Fintech GmbH, Berlin."),
                new Endpoint(client.ingest("/v1/rag/queries"), "application/json",
                        "{\"resumeId\":\"nope\",\"query\":\"Which languages?\",\"timeoutMillis\":200}"));
        long before = published();
        int accepted = 0;
        int sent = 0;
        List<String> failures = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        for (; sent < 400 && System.nanoTime() < deadline; sent++) {
            Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
            int kind = random.nextInt(10);
            byte[] body = body(kind, endpoint, random);
            String what = endpoint.url() + " " + endpoint.contentType() + " kind " + kind + " (" + body.length + " bytes)";
            HttpResponse<String> response;
            try {
                response = client.postBytes(endpoint.url(), body, endpoint.contentType(), Duration.ofSeconds(15));
            } catch (RuntimeException noAnswer) {
                failures.add(what + " -> no answer: " + noAnswer.getMessage());
                continue;
            }
            int status = response.statusCode();
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (status >= 500 || status < 200 || (status >= 300 && status < 400)) {
                failures.add(what + " -> " + status + " " + abbreviate(response.body()));
            } else if (status >= 400 && (!type.startsWith("application/problem+json") || !response.body().contains("\"code\""))) {
                failures.add(what + " -> " + status + " not a problem: " + type + " " + abbreviate(response.body()));
            } else if (status == 202 && endpoint.url().startsWith(client.ingest(""))) {
                accepted++;
            }
        }
        assertThat(failures).as("seed " + seed).isEmpty();
        assertThat(sent).as("requests within the time box").isGreaterThanOrEqualTo(50);
        // Accepted ones are published (202 means acknowledged); rejected ones are not.
        assertThat(published() - before).as("records published for %d accepted of %d", accepted, sent).isEqualTo(accepted);
        System.out.printf("JsonFuzzIT: %d requests, %d accepted%n", sent, accepted);
    }

    /**
     * The NUL character, which PostgreSQL cannot store, in a JSON string, a path value or a query value of
     * every kind of endpoint (POST, PUT, DELETE, GET with parameters): always a 400 problem, never a 5xx,
     * and an interview whose turn holds it is refused at the door instead of running forever.
     */
    @Test
    void aNulCharacterAnywhereIsA400ProblemNeverA5xx() throws Exception {
        String resumeId = client.submit("/v1/resumes", Seeds.javaKafkaResume("nul@example.com")).get("resume_id").asString();
        String nul = "\\u0000";
        String resume = Seeds.javaKafkaResume("nul@example.com");
        String firstName = resume.replace("\"firstName\":\"", "\"firstName\":\"Pro" + nul);
        Map<String, java.util.function.Supplier<HttpResponse<String>>> requests = new java.util.LinkedHashMap<>();
        requests.put("POST /v1/resumes", () -> client.post(client.ingest("/v1/resumes"), firstName, Map.of()));
        requests.put("PUT /v1/resumes/{id}", () -> client.put(client.ingest("/v1/resumes/" + resumeId), firstName));
        requests.put("POST /v1/jobs", () -> client.post(client.ingest("/v1/jobs"),
                Seeds.backendJob().replace("\"title\":\"", "\"title\":\"Dev" + nul), Map.of()));
        requests.put("DELETE /v1/resumes/x%00y", () -> client.delete(client.ingest("/v1/resumes/x%00y")));
        requests.put("DELETE /v1/users/a%00b", () -> client.delete(client.ingest("/v1/users/a%00b")));
        requests.put("GET /v1/resumes?userId=a%00b", () -> client.get(client.results("/v1/resumes?userId=a%00b")));
        requests.put("GET /v1/tasks?state=a%00", () -> client.get(client.results("/v1/tasks?state=a%00")));
        requests.put("GET /v1/tasks/x%00", () -> client.get(client.results("/v1/tasks/x%00")));
        requests.put("GET /v1/jobs/search?query=a%00b", () -> client.get(client.ingest("/v1/jobs/search?query=a%00b")));
        requests.put("POST /v1/matches", () -> client.post(client.ingest("/v1/matches"),
                "{\"resumeId\":\"r" + nul + "\",\"jobId\":\"j\"}", Map.of()));
        requests.put("POST /v1/webhooks", () -> client.post(client.results("/v1/webhooks"),
                "{\"url\":\"https://example.com/h" + nul + "\",\"events\":[\"task.succeeded\"]}", Map.of()));
        requests.put("POST /v1/rag/queries", () -> client.post(client.ingest("/v1/rag/queries"),
                "{\"resumeId\":\"" + resumeId + "\",\"query\":\"Which" + nul + " languages?\"}", Map.of()));
        requests.put("POST /v1/career-paths/predict", () -> client.post(client.ingest("/v1/career-paths/predict"),
                "{\"text\":\"Java" + nul + " engineer\"}", Map.of()));
        requests.put("POST /v1/career-paths/taxonomies", () -> client.post(client.ingest("/v1/career-paths/taxonomies"),
                "{\"id\":\"tx-nul\",\"name\":\"Ours" + nul + "\",\"labels\":[{\"label\":\"Backend\"}]}", Map.of()));
        requests.put("POST /v1/interviews", () -> client.post(client.ingest("/v1/interviews"),
                "{\"interview_id\":\"iv-nul\",\"transcript\":[{\"speaker\":\"interviewer\",\"content\":\"Why?\"},"
                        + "{\"speaker\":\"candidate\",\"content\":\"A" + nul + ".\"}],"
                        + "\"rubric\":{\"communication\":0.3,\"technical\":0.4,\"problem_solving\":0.3}}", Map.of()));
        List<String> failures = new ArrayList<>();
        requests.forEach((what, request) -> {
            HttpResponse<String> response = request.get();
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (response.statusCode() != 400 || !type.startsWith("application/problem+json")) {
                failures.add(what + " -> " + response.statusCode() + " " + type + " " + abbreviate(response.body()));
            }
        });
        assertThat(failures).isEmpty();
    }

    private static long published() throws Exception {
        return Topics4Tests.endOffsets(pipeline, Topics.RESUME_SUBMITTED_NAME)
                + Topics4Tests.endOffsets(pipeline, Topics.JOB_SUBMITTED_NAME);
    }

    private static byte[] body(int kind, Endpoint endpoint, Random random) {
        return switch (kind) {
            case 0 -> utf8(PipelineJson.mapper().writeValueAsString(randomJson(random, 4)));
            case 1, 2 -> utf8(mutated(endpoint, random));
            case 3 -> utf8(withField(endpoint, random, "x".repeat(random.nextBoolean() ? 300_000 : 1_100_000)));
            case 4 -> invalidUtf8(endpoint, random);
            case 5 -> utf8(deep(random));
            case 6 -> utf8(withRawField(endpoint, random, switch (random.nextInt(5)) {
                case 0 -> "1e400";
                case 1 -> "123456789012345678901234567890123456789012345678901234567890";
                case 2 -> "-0.0000000000000000000000000000000001";
                case 3 -> "9".repeat(5000);
                default -> "NaN";
            }));
            case 7 -> {
                String seed = endpoint.seed();
                yield utf8(seed.substring(0, random.nextInt(seed.length())));
            }
            case 8 -> {
                byte[] bytes = new byte[random.nextInt(2048)];
                random.nextBytes(bytes);
                yield bytes;
            }
            default -> new byte[0];
        };
    }

    private static JsonNode randomJson(Random random, int depth) {
        int pick = depth <= 0 ? random.nextInt(5) : random.nextInt(7);
        return switch (pick) {
            case 0 -> NODES.stringNode(randomString(random));
            case 1 -> NODES.numberNode(random.nextLong());
            case 2 -> NODES.numberNode(random.nextDouble() * 1e300);
            case 3 -> NODES.booleanNode(random.nextBoolean());
            case 4 -> NODES.nullNode();
            case 5 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomJson(random, depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                String[] names = {"firstName", "email", "skills", "title", "query", "resumeId", "workExperience",
                        "experienceLevel", "startDate", "x"};
                for (int i = random.nextInt(5); i > 0; i--) {
                    object.set(names[random.nextInt(names.length)], randomJson(random, depth - 1));
                }
                yield object;
            }
        };
    }

    private static String randomString(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(40); i > 0; i--) {
            s.appendCodePoint(random.nextInt(4) == 0 ? 0x1F600 + random.nextInt(50) : 0x20 + random.nextInt(0x2FF));
        }
        return s.toString();
    }

    /** The endpoint's valid body with one field (at any depth) replaced by a value of another type. */
    private static String mutated(Endpoint endpoint, Random random) {
        if (!endpoint.contentType().contains("json")) {
            return randomString(random);
        }
        JsonNode tree = PipelineJson.mapper().readTree(endpoint.seed());
        List<ObjectNode> objects = new ArrayList<>();
        collect(tree, objects);
        ObjectNode target = objects.get(random.nextInt(objects.size()));
        List<String> names = new ArrayList<>();
        Iterator<String> it = target.propertyNames().iterator();
        it.forEachRemaining(names::add);
        if (!names.isEmpty()) {
            target.set(names.get(random.nextInt(names.size())), randomJson(random, 2));
        }
        return PipelineJson.mapper().writeValueAsString(tree);
    }

    private static void collect(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object) {
            objects.add(object);
        }
        for (JsonNode child : node.values()) {
            collect(child, objects);
        }
    }

    private static String withField(Endpoint endpoint, Random random, String value) {
        if (!endpoint.contentType().contains("json")) {
            return value;
        }
        ObjectNode tree = (ObjectNode) PipelineJson.mapper().readTree(endpoint.seed());
        List<String> names = new ArrayList<>();
        tree.propertyNames().iterator().forEachRemaining(names::add);
        tree.put(names.get(random.nextInt(names.size())), value);
        return PipelineJson.mapper().writeValueAsString(tree);
    }

    private static String withRawField(Endpoint endpoint, Random random, String raw) {
        String placeholder = "\"__raw__\"";
        String json = withField(endpoint, random, "__raw__");
        return json.replace(placeholder, raw);
    }

    /** The valid body with bytes that are not UTF-8 inside a string value. */
    private static byte[] invalidUtf8(Endpoint endpoint, Random random) {
        byte[] head = utf8(withField(endpoint, random, "@@BAD@@"));
        String text = new String(head, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("@@BAD@@");
        byte[][] bad = {{(byte) 0xC3, (byte) 0x28}, {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xF0, (byte) 0x28, (byte) 0x8C}};
        byte[] chosen = bad[random.nextInt(bad.length)];
        byte[] out = new byte[head.length - 7 + chosen.length];
        System.arraycopy(head, 0, out, 0, at);
        System.arraycopy(chosen, 0, out, at, chosen.length);
        System.arraycopy(head, at + 7, out, at + chosen.length, head.length - at - 7);
        return out;
    }

    /** 1000 levels of arrays or objects. */
    private static String deep(Random random) {
        boolean arrays = random.nextBoolean();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            s.append(arrays ? "[" : "{\"a\":");
        }
        s.append("1");
        for (int i = 0; i < 1000; i++) {
            s.append(arrays ? "]" : "}");
        }
        return s.toString();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
