package com.talentpipeline.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI documents and Swagger UI are reachable without a key and describe the endpoints and the
 * API-key schemes; errors outside controllers (unknown route, wrong method) are problem+json too.
 */
class OpenApiIT {

    static PipelineClient client;
    static PipelineClient anonymous;

    @BeforeAll
    static void start() {
        client = new PipelineClient(SharedPipeline.get());
        anonymous = client.withKey(null);
    }

    @Test
    void bothApisDescribeTheirEndpointsAndSecurity() {
        JsonNode results = mergedDocument();
        assertThat(results.get("paths").has("/v1/tasks/{taskId}")).isTrue();
        assertThat(results.get("paths").has("/v1/tasks/{taskId}/events")).isTrue();
        assertThat(results.get("paths").has("/v1/tasks")).isTrue();
        assertThat(results.get("paths").has("/v1/webhooks")).isTrue();
        assertThat(results.get("paths").has("/v1/webhooks/{id}/deliveries")).isTrue();
        assertThat(results.get("paths").has("/v1/users/{userId}/predictions")).isTrue();
        assertThat(results.get("paths").has("/v1/resumes")).isTrue();
        assertThat(results.get("components").get("securitySchemes").has("bearer")).isTrue();
        assertThat(results.get("components").get("securitySchemes").has("apiKey")).isTrue();
        assertThat(results.get("paths").get("/v1/tasks/{taskId}").get("get").get("responses").has("401")).isTrue();
        assertThat(results.get("paths").get("/v1/tasks/{taskId}").get("get").get("responses").get("429").get("content")
                .has("application/problem+json")).isTrue();

        JsonNode ingest = document(client.ingest("/v3/api-docs"));
        assertThat(ingest.get("paths").has("/v1/resumes")).isTrue();
        assertThat(ingest.get("paths").has("/v1/resumes/{id}")).isTrue();
        assertThat(ingest.get("paths").has("/v1/jobs")).isTrue();
        assertThat(ingest.get("paths").has("/v1/users/{userId}")).isTrue();
        assertThat(ingest.get("components").get("securitySchemes").has("bearer")).isTrue();

        HttpResponse<String> ui = anonymous.get(client.results("/swagger-ui.html"));
        assertThat(ui.statusCode()).isIn(200, 302);
        HttpResponse<String> uiPage = anonymous.get(client.results("/webjars/swagger-ui/index.html"));
        assertThat(uiPage.statusCode()).isEqualTo(200);
        assertThat(uiPage.body()).containsIgnoringCase("swagger");
    }

    /**
     * One naming convention: every property of every schema in the one document is snake_case (or one
     * word), as the codecs write it; and a real answer carries the names the document shows.
     */
    @Test
    void everySchemaPropertyIsSnakeCaseAsOnTheWire() {
        JsonNode document = mergedDocument();
        java.util.List<String> camel = new java.util.ArrayList<>();
        int[] properties = {0};
        document.get("components").get("schemas").properties().forEach(schema ->
                collectCamelCase(schema.getKey(), schema.getValue(), camel, properties));
        assertThat(properties[0]).as("schema properties checked").isGreaterThan(100);
        assertThat(camel).as("camelCase properties in the OpenAPI document").isEmpty();
        JsonNode accepted = document.get("components").get("schemas").get("TaskAccepted").get("properties");
        assertThat(accepted.has("task_id") && accepted.has("task_url") && !accepted.has("taskId")).isTrue();

        JsonNode answer = PipelineClient.json(client.post(client.frontDoor("/v1/jobs"),
                "{\"title\":\"Naming check\",\"company\":\"Acme\",\"experience_level\":\"Mid\","
                        + "\"skills\":[{\"name\":\"Java\"}]}", Map.of()));
        assertThat(answer.has("task_id") && answer.has("job_id") && answer.has("task_url")).as(answer.toString()).isTrue();
        java.util.List<String> keys = new java.util.ArrayList<>();
        answer.propertyNames().forEach(keys::add);
        assertThat(keys).allMatch(key -> key.equals(com.talentpipeline.core.web.wire.WireNames.snake(key)));
    }

    private static void collectCamelCase(String where, JsonNode schema, java.util.List<String> camel, int[] count) {
        if (schema == null || !schema.isObject()) {
            return;
        }
        JsonNode properties = schema.get("properties");
        if (properties != null) {
            properties.properties().forEach(property -> {
                count[0]++;
                if (!property.getKey().equals(com.talentpipeline.core.web.wire.WireNames.snake(property.getKey()))) {
                    camel.add(where + "." + property.getKey());
                }
                collectCamelCase(where + "." + property.getKey(), property.getValue(), camel, count);
            });
        }
        collectCamelCase(where + "[]", schema.get("items"), camel, count);
    }

    /**
     * Typed answers: every 2xx JSON response of every {@code /v1} operation in the one document names its
     * shape (a {@code $ref}, or properties, items or typed map values), never a bare {@code type: object},
     * which is what a worker's answer passed through as {@code JsonNode}/{@code Object} shows unless its
     * controller declares the contract record. Lists the offenders as {@code METHOD path status media-type}.
     */
    @Test
    void everySuccessfulJsonAnswerHasATypedSchema() {
        JsonNode paths = mergedDocument().get("paths");
        java.util.List<String> untyped = new java.util.ArrayList<>();
        int checked = 0;
        for (var path : paths.properties()) {
            if (!path.getKey().startsWith("/v1")) {
                continue;
            }
            for (var operation : path.getValue().properties()) {
                JsonNode responses = operation.getValue().get("responses");
                if (responses == null) {
                    continue;
                }
                for (var response : responses.properties()) {
                    JsonNode content = response.getValue().get("content");
                    if (!response.getKey().startsWith("2") || content == null) {
                        continue;
                    }
                    for (var media : content.properties()) {
                        // */* is what springdoc writes for an operation that does not say what it produces.
                        if (!media.getKey().contains("json") && !media.getKey().equals("*/*")) {
                            continue;
                        }
                        checked++;
                        if (!typed(media.getValue().get("schema"))) {
                            untyped.add(operation.getKey().toUpperCase() + " " + path.getKey() + " "
                                    + response.getKey() + " " + media.getKey());
                        }
                    }
                }
            }
        }
        assertThat(checked).as("2xx JSON responses checked").isGreaterThan(40);
        assertThat(untyped).as("2xx JSON responses whose schema is a bare object").isEmpty();
    }

    /** A schema that says what it holds: a reference, properties, typed items or map values, or a scalar. */
    private static boolean typed(JsonNode schema) {
        if (schema == null || !schema.isObject()) {
            return false;
        }
        if (schema.has("$ref") || (schema.has("properties") && !schema.get("properties").isEmpty())) {
            return true;
        }
        for (String group : java.util.List.of("oneOf", "anyOf", "allOf")) {
            if (schema.has(group)) {
                boolean all = !schema.get(group).isEmpty();
                for (JsonNode member : schema.get(group)) {
                    all &= typed(member);
                }
                return all;
            }
        }
        // OpenAPI 3.1 may write the type as a list (["object", "null"]).
        JsonNode types = schema.path("type");
        String type = types.isArray() ? types.path(0).asString("") : types.asString("");
        if (type.equals("array")) {
            return typed(schema.get("items"));
        }
        if (type.equals("object") || type.isEmpty()) {
            return schema.path("additionalProperties").isObject() && typed(schema.get("additionalProperties"));
        }
        return true;
    }

    /**
     * One document at the one base URL: every API route every service serves (read from the services' own
     * handler mappings) is in the front door's OpenAPI document, with its method.
     */
    @Test
    void theFrontDoorDocumentListsEveryRouteOfEveryService() {
        JsonNode paths = mergedDocument().get("paths");
        java.util.List<String> missing = new java.util.ArrayList<>();
        int checked = 0;
        for (ServiceRoutes.Route route : ServiceRoutes.of(SharedPipeline.get())) {
            if (!ServiceRoutes.isApi(route)) {
                continue;
            }
            checked++;
            JsonNode item = paths.get(route.pattern());
            if (item == null || !item.has(route.method().toLowerCase())) {
                missing.add(route.service() + " " + route.method() + " " + route.pattern());
            }
        }
        assertThat(checked).isGreaterThan(40);
        assertThat(missing).as("routes served but not in the front door's document").isEmpty();
    }

    /**
     * The README's endpoint table (section "Endpoints": rows of {@code | `METHOD /path` | ...}) lists exactly
     * the operations of the front door's document: an endpoint added, moved or removed without the README
     * fails here, with the rows to write.
     */
    @Test
    void theReadmeEndpointTableIsTheOpenApiDocument() throws Exception {
        JsonNode paths = mergedDocument().get("paths");
        java.util.Set<String> documented = new java.util.TreeSet<>();
        for (var path : paths.properties()) {
            if (path.getKey().startsWith("/v1") || path.getKey().startsWith("/admin")) {
                for (var operation : path.getValue().properties()) {
                    if (java.util.Set.of("get", "post", "put", "patch", "delete").contains(operation.getKey())) {
                        documented.add(operation.getKey().toUpperCase() + " " + path.getKey());
                    }
                }
            }
        }
        java.util.Set<String> readme = readmeEndpoints();
        java.util.Set<String> missing = new java.util.TreeSet<>(documented);
        missing.removeAll(readme);
        java.util.Set<String> stale = new java.util.TreeSet<>(readme);
        stale.removeAll(documented);
        assertThat(missing).as("in the OpenAPI document, not in README's Endpoints table; rows:%n%s",
                String.join("\n", missing.stream().map(e -> "| `" + e + "` | |").toList())).isEmpty();
        assertThat(stale).as("in README's Endpoints table, not served").isEmpty();
    }

    private static java.util.Set<String> readmeEndpoints() throws java.io.IOException {
        java.nio.file.Path readme = com.talentpipeline.localstack.infra.InfraFiles.repository().resolve("README.md");
        java.util.Set<String> rows = new java.util.TreeSet<>();
        boolean inSection = false;
        for (String line : java.nio.file.Files.readAllLines(readme)) {
            if (line.startsWith("#")) {
                inSection = line.matches("#+ Endpoints\\s*");
                continue;
            }
            java.util.regex.Matcher row = java.util.regex.Pattern
                    .compile("^\\| `(GET|POST|PUT|PATCH|DELETE) (/[^`]*)` \\|").matcher(line);
            if (inSection && row.find()) {
                rows.add(row.group(1) + " " + row.group(2));
            }
        }
        assertThat(rows).as("README has an Endpoints section with a table").isNotEmpty();
        return rows;
    }

    @Test
    void errorsOutsideControllersAreProblemJson() {
        HttpResponse<String> unknown = client.get(client.results("/v1/no-such-route"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(PipelineClient.json(unknown).get("code").asString()).isEqualTo("not_found");

        HttpResponse<String> wrongMethod = client.send(client.request(client.ingest("/v1/jobs"))
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(PipelineClient.json(wrongMethod).get("code").asString()).isEqualTo("method_not_allowed");
        assertThat(wrongMethod.headers().firstValue("Allow").orElse("")).contains("POST");

        // Deny by default: an unknown path outside /v1 needs a key like any other; with one it is a 404 problem.
        HttpResponse<String> outside = anonymous.get(client.ingest("/no-such-page"));
        assertThat(outside.statusCode()).isEqualTo(401);
        assertThat(outside.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        HttpResponse<String> outsideWithKey = client.get(client.ingest("/no-such-page"));
        assertThat(outsideWithKey.statusCode()).isEqualTo(404);
        assertThat(outsideWithKey.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
    }

    /**
     * The front door's document once the other services' documents are merged in (the ingest API fetches
     * them in the background, every 2 s until it holds all of them).
     */
    static JsonNode mergedDocument() {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(90);
        JsonNode doc = document(client.frontDoor("/v3/api-docs"));
        while (!(doc.get("paths").has("/v1/tasks/{taskId}") && doc.get("paths").has("/v1/images/{id}/detections")
                && doc.get("paths").has("/v1/rag/info") && doc.get("paths").has("/v1/resumes/{resumeId}/score")) && java.time.Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            doc = document(client.frontDoor("/v3/api-docs"));
        }
        return doc;
    }

    private static JsonNode document(String url) {
        HttpResponse<String> response = anonymous.get(url, Map.of());
        assertThat(response.statusCode()).as(url + " " + response.body()).isEqualTo(200);
        return PipelineClient.json(response);
    }
}
