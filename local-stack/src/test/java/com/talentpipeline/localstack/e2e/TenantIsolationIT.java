package com.talentpipeline.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.localstack.pipeline.LocalPipeline;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * API keys and tenants: every /v1 endpoint of ingest, results and RAG needs a key; tenant B gets 404
 * (never the data) for tenant A's ids while A gets them, listings never show the other tenant's rows,
 * idempotency keys are per tenant; keys are created and revoked through the admin endpoint.
 */
class TenantIsolationIT {

    static LocalPipeline pipeline;
    static PipelineClient a;
    static PipelineClient b;
    static String user;
    static String resumeId;
    static String resumeTask;
    static String jobId;

    @BeforeAll
    static void start() {
        pipeline = SharedPipeline.get();
        a = new PipelineClient(pipeline);
        b = a.withKey(SharedPipeline.keyB());
        user = "user-" + UUID.randomUUID();
        JsonNode resume = a.submit("/v1/resumes?userId=" + user, Seeds.javaKafkaResume("iso-" + UUID.randomUUID()
                + "@example.com"));
        resumeId = resume.get("resume_id").asString();
        resumeTask = resume.get("task_id").asString();
        JsonNode job = a.submit("/v1/jobs", Seeds.backendJob());
        jobId = job.get("job_id").asString();
        assertThat(a.awaitTerminal(resumeTask, Duration.ofSeconds(60)).get("state").asString()).isEqualTo("SUCCEEDED");
        a.awaitTerminal(job.get("task_id").asString(), Duration.ofSeconds(60));
        Instant deadline = Instant.now().plusSeconds(60);
        while (a.get(a.ingest("/v1/rag/resumes/" + resumeId)).statusCode() != 200 && Instant.now().isBefore(deadline)) {
            PipelineClient.sleep(100);
        }
    }

    @Test
    void anotherTenantGets404OnEveryEndpointWhileTheOwnerGetsTheData() {
        Map<String, String> reads = Map.of(
                "task", a.results("/v1/tasks/" + resumeTask),
                "task long-poll", a.results("/v1/tasks/" + resumeTask + "?wait=1s"),
                "task events", a.results("/v1/tasks/" + resumeTask + "/events"),
                "resume", a.results("/v1/resumes/" + resumeId),
                "resume embeddings", a.results("/v1/resumes/" + resumeId + "/embeddings"),
                "job embeddings", a.results("/v1/jobs/" + jobId + "/embeddings"),
                "rag index", a.ingest("/v1/rag/resumes/" + resumeId));
        reads.forEach((what, url) -> {
            assertThat(a.get(url).statusCode()).as("owner: " + what).isEqualTo(200);
            HttpResponse<String> other = b.get(url);
            assertThat(other.statusCode()).as("other tenant: " + what).isEqualTo(404);
            assertThat(other.body()).as(what).doesNotContain("Kafka").contains("\"code\":\"not_found\"");
        });
        String question = "{\"resumeId\":\"" + resumeId + "\",\"query\":\"Do they know Kafka?\"}";
        assertThat(a.post(a.ingest("/v1/rag/queries"), question, Map.of()).statusCode()).isEqualTo(200);
        assertThat(b.post(a.ingest("/v1/rag/queries"), question, Map.of()).statusCode()).isEqualTo(404);

        // Writes on A's ids are 404 for B, and change nothing.
        assertThat(b.send(b.request(a.ingest("/v1/resumes/" + resumeId)).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(Seeds.frontendResume("x@example.com"))))
                .statusCode()).isEqualTo(404);
        assertThat(b.delete(a.ingest("/v1/resumes/" + resumeId)).statusCode()).isEqualTo(404);
        assertThat(b.delete(a.ingest("/v1/users/" + user)).statusCode()).isEqualTo(404);
        assertThat(a.get(a.results("/v1/resumes/" + resumeId)).statusCode()).isEqualTo(200);

        // Listings: the owner sees its rows, the other tenant never does.
        assertThat(a.get(a.results("/v1/resumes?userId=" + user)).body()).contains(resumeId);
        assertThat(b.get(a.results("/v1/resumes?userId=" + user)).body()).doesNotContain(resumeId);
        assertThat(PipelineClient.json(b.get(a.results("/v1/resumes?userId=" + user))).get("items").size()).isZero();
        assertThat(b.get(a.results("/v1/tasks?limit=100")).body()).doesNotContain(resumeTask);
        assertThat(b.get(a.results("/v1/resumes?limit=100")).body()).doesNotContain(resumeId);
        assertThat(PipelineClient.json(b.get(a.results("/v1/users/" + user + "/predictions"))).get("items").size())
                .isZero();
    }

    @Test
    void anotherTenantsIdenticalDocumentIsNoCacheHitButTheSameTenantsIs() {
        // The cache key covers content only; a unique sentence makes the content new to every tenant.
        String content = Seeds.javaKafkaResume("cache@example.com")
                .replace("\"summary\":\"", "\"summary\":\"Reference " + UUID.randomUUID() + ". ");
        JsonNode first = a.submit("/v1/resumes", content);
        assertThat(a.awaitTerminal(first.get("task_id").asString(), Duration.ofSeconds(60)).get("cache_hit").asBoolean())
                .isFalse();
        // Tenant B learns nothing about tenant A's documents: its identical upload is computed anew.
        JsonNode other = b.submit("/v1/resumes", content);
        JsonNode otherTask = b.awaitTerminal(other.get("task_id").asString(), Duration.ofSeconds(60));
        assertThat(otherTask.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(otherTask.get("cache_hit").asBoolean()).as("no signal across tenants").isFalse();
        JsonNode again = a.submit("/v1/resumes", content);
        assertThat(a.awaitTerminal(again.get("task_id").asString(), Duration.ofSeconds(60)).get("cache_hit").asBoolean())
                .as("the owner's own resubmission is a hit").isTrue();
    }

    @Test
    void idempotencyKeysArePerTenant() {
        String body = Seeds.frontendResume("idem-" + UUID.randomUUID() + "@example.com");
        String key = "same-key-" + UUID.randomUUID();
        HttpResponse<String> first = a.post(a.ingest("/v1/resumes"), body, Map.of("Idempotency-Key", key));
        HttpResponse<String> replay = a.post(a.ingest("/v1/resumes"), body, Map.of("Idempotency-Key", key));
        HttpResponse<String> other = b.post(a.ingest("/v1/resumes"), body, Map.of("Idempotency-Key", key));
        assertThat(first.statusCode()).isEqualTo(202);
        String task = PipelineClient.json(first).get("task_id").asString();
        assertThat(PipelineClient.json(replay).get("task_id").asString()).isEqualTo(task);
        assertThat(other.statusCode()).isEqualTo(202);
        assertThat(PipelineClient.json(other).get("task_id").asString()).isNotEqualTo(task);
        assertThat(b.get(a.results("/v1/tasks/" + task)).statusCode()).isEqualTo(404);
    }

    @Test
    void everyV1CallNeedsAValidKeyAndOnlyHealthIsOpen() {
        PipelineClient none = a.withKey(null);
        for (String url : new String[] {a.ingest("/v1/jobs"), a.results("/v1/tasks/" + resumeTask),
                a.ingest("/v1/rag/resumes/" + resumeId), a.results("/v1/no-such-route")}) {
            HttpResponse<String> response = url.endsWith("/v1/jobs") ? none.post(url, Seeds.backendJob(), Map.of())
                    : none.get(url);
            assertThat(response.statusCode()).as(url).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            assertThat(PipelineClient.json(response).get("code").asString()).isEqualTo("missing_api_key");
        }
        HttpResponse<String> wrong = a.withKey("tp_000000000000_" + "0".repeat(40)).get(a.results("/v1/tasks/" + resumeTask));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(PipelineClient.json(wrong).get("code").asString()).isEqualTo("invalid_api_key");
        assertThat(none.get(a.results("/v1/tasks/" + resumeTask), Map.of("X-API-Key", SharedPipeline.keyA()))
                .statusCode()).isEqualTo(200);
        assertThat(none.get(a.results("/actuator/health")).statusCode()).isEqualTo(200);
        assertThat(none.get(a.ingest("/actuator/prometheus")).statusCode()).as("metrics need the metrics key")
                .isEqualTo(401);
        assertThat(a.get(a.ingest("/actuator/prometheus")).statusCode()).as("a tenant key is no metrics key")
                .isEqualTo(401);
        assertThat(a.scrape(a.ingest("/actuator/prometheus")).statusCode()).isEqualTo(200);
    }

    @Test
    void adminEndpointCreatesListsAndRevokesKeys() {
        PipelineClient none = a.withKey(null);
        String tenant = "tenant-admin-" + UUID.randomUUID();
        String request = "{\"tenantId\":\"" + tenant + "\",\"name\":\"ci\"}";
        assertThat(none.post(a.results("/admin/v1/keys"), request, Map.of()).statusCode()).isEqualTo(401);
        assertThat(none.post(a.results("/admin/v1/keys"), request, Map.of("X-Admin-Key", "wrong")).statusCode())
                .isEqualTo(401);
        HttpResponse<String> created = none.post(a.results("/admin/v1/keys"), request,
                Map.of("X-Admin-Key", SharedPipeline.ADMIN_KEY));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode key = PipelineClient.json(created);
        String secret = key.get("key").asString();
        assertThat(secret).startsWith("tp_" + key.get("id").asString() + "_");
        HttpResponse<String> invalid = none.post(a.results("/admin/v1/keys"), "{\"name\":\"\"}",
                Map.of("X-Admin-Key", SharedPipeline.ADMIN_KEY));
        assertThat(invalid.statusCode()).isEqualTo(400);

        PipelineClient fresh = a.withKey(secret);
        assertThat(fresh.get(a.results("/v1/tasks")).statusCode()).isEqualTo(200);
        assertThat(fresh.get(a.results("/v1/tasks/" + resumeTask)).statusCode()).as("a third tenant").isEqualTo(404);
        HttpResponse<String> listed = none.get(a.results("/admin/v1/keys?tenantId=" + tenant),
                Map.of("Authorization", "Bearer " + SharedPipeline.ADMIN_KEY));
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains(key.get("id").asString()).doesNotContain(secret);

        HttpResponse<String> revoked = none.send(none.request(a.results("/admin/v1/keys/" + key.get("id").asString()))
                .header("X-Admin-Key", SharedPipeline.ADMIN_KEY).DELETE());
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(fresh.get(a.results("/v1/tasks")).statusCode()).as("revoked (same process: at once)").isEqualTo(401);
    }

    @Test
    void theAdminCommandCreatesAWorkingKey() {
        var endpoints = pipeline.stack().endpoints();
        // The command reads R2DBC_URL, DB_USER and DB_PASSWORD (environment, or system properties as here).
        System.setProperty("R2DBC_URL", endpoints.r2dbcUrl());
        System.setProperty("DB_USER", endpoints.dbUser());
        System.setProperty("DB_PASSWORD", endpoints.dbPassword());
        java.io.PrintStream out = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(printed, true));
        try {
            com.talentpipeline.localstack.pipeline.CreateApiKey.main(new String[] {"tenant-cli", "from the command"});
        } finally {
            System.setOut(out);
            System.clearProperty("R2DBC_URL");
            System.clearProperty("DB_USER");
            System.clearProperty("DB_PASSWORD");
        }
        // Other threads of this JVM (the services' console logging) write to System.out meanwhile: find the key
        // line among whatever else was printed, rather than taking the last line.
        java.util.regex.Matcher line = java.util.regex.Pattern.compile("(?m)^\\s*(tp_[0-9a-f]{12}_[0-9a-f]{40})\\s*$")
                .matcher(printed.toString());
        assertThat(line.find()).as("a key line in: " + printed).isTrue();
        String key = line.group(1);
        assertThat(a.withKey(key).get(a.results("/v1/tasks")).statusCode()).isEqualTo(200);
        assertThat(a.withKey(key).get(a.results("/v1/tasks/" + resumeTask)).statusCode()).isEqualTo(404);
    }
}
