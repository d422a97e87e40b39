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
        JsonNode results = document(client.results("/v3/api-docs"));
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

    private static JsonNode document(String url) {
        HttpResponse<String> response = anonymous.get(url, Map.of());
        assertThat(response.statusCode()).as(url + " " + response.body()).isEqualTo(200);
        return PipelineClient.json(response);
    }
}
