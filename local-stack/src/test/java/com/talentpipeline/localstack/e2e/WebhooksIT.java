package com.talentpipeline.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.localstack.pipeline.LocalPipeline;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks end to end: a receiver on 127.0.0.1 (allow-listed in the suite) that verifies signatures
 * and timestamps, fails the first two attempts with 500, then accepts; the deliveries endpoint shows
 * the three attempts; redelivery sends again; per-task callbacks are signed with the tenant's secret;
 * inward URLs are refused at registration; another tenant cannot see the webhook.
 */
class WebhooksIT {

    static LocalPipeline pipeline;
    static PipelineClient client;

    @BeforeAll
    static void start() {
        pipeline = SharedPipeline.get();
        client = new PipelineClient(pipeline);
    }

    @Test
    void signedDeliveriesAreRetriedUntilAcceptedAndCanBeRedelivered() throws Exception {
        AtomicReference<String> secret = new AtomicReference<>();
        try (WebhookReceiver receiver = new WebhookReceiver("/hook", secret::get, 2)) {
            HttpResponse<String> created = client.post(client.results("/v1/webhooks"), """
                    {"url":"%s","events":["task.succeeded","task.failed"]}""".formatted(receiver.url("/hook")), Map.of());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonNode webhook = PipelineClient.json(created);
            secret.set(webhook.get("secret").asString());
            String webhookId = webhook.get("id").asString();
            assertThat(secret.get()).startsWith("whsec_");

            String taskId = client.submit("/v1/resumes", Seeds.javaKafkaResume("hook-" + UUID.randomUUID()
                    + "@example.com")).get("task_id").asString();
            assertThat(client.awaitTerminal(taskId, Duration.ofSeconds(60)).get("state").asString()).isEqualTo("SUCCEEDED");

            try {
                await(() -> receiver.received.stream().anyMatch(r -> r.status() == 200 && r.body().contains(taskId)),
                        "an accepted delivery of task " + taskId);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; deliveries: "
                        + client.get(client.results("/v1/webhooks/" + webhookId + "/deliveries")).body(), e);
            }
            List<WebhookReceiver.Received> ours = receiver.received.stream().filter(r -> r.body().contains(taskId)).toList();
            assertThat(ours).extracting(WebhookReceiver.Received::status).containsExactly(500, 500, 200);
            assertThat(ours).extracting(WebhookReceiver.Received::deliveryId).containsOnly(ours.get(0).deliveryId());
            assertThat(receiver.badSignatures.get()).isZero();
            JsonNode body = tools.jackson.databind.json.JsonMapper.builder().build().readTree(ours.get(2).body());
            assertThat(body.get("type").asString()).isEqualTo("task.succeeded");
            assertThat(body.get("data").get("task_id").asString()).isEqualTo(taskId);
            assertThat(body.get("data").get("state").asString()).isEqualTo("SUCCEEDED");
            assertThat(ours.get(2).event()).isEqualTo("task.succeeded");

            String deliveryId = ours.get(0).deliveryId();
            JsonNode delivery = delivery(webhookId, deliveryId);
            assertThat(delivery.get("state").asString()).isEqualTo("DELIVERED");
            assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
            assertThat(delivery.get("last_status").asInt()).isEqualTo(200);
            assertThat(delivery.get("response").asString()).isEqualTo("ok");
            List<Integer> statuses = new java.util.ArrayList<>();
            delivery.get("attempt_log").forEach(a -> statuses.add(a.get("status").asInt()));
            assertThat(statuses).containsExactly(500, 500, 200);

            HttpResponse<String> redeliver = client.post(client.results("/v1/webhooks/" + webhookId + "/deliveries/"
                    + deliveryId + ":redeliver"), "", Map.of());
            assertThat(redeliver.statusCode()).as(redeliver.body()).isEqualTo(202);
            await(() -> receiver.received.stream().filter(r -> r.deliveryId().equals(deliveryId)).count() == 4,
                    "the redelivery");
            await(() -> delivery(webhookId, deliveryId).get("attempts").asInt() == 4, "the fourth attempt recorded");

            // Tenant B sees none of it.
            PipelineClient other = client.withKey(SharedPipeline.keyB());
            assertThat(other.get(client.results("/v1/webhooks/" + webhookId)).statusCode()).isEqualTo(404);
            assertThat(other.get(client.results("/v1/webhooks/" + webhookId + "/deliveries")).statusCode()).isEqualTo(404);
            assertThat(other.post(client.results("/v1/webhooks/" + webhookId + "/deliveries/" + deliveryId
                    + ":redeliver"), "", Map.of()).statusCode()).isEqualTo(404);
            assertThat(other.get(client.results("/v1/webhooks")).body()).doesNotContain(webhookId);
            assertThat(other.delete(client.results("/v1/webhooks/" + webhookId)).statusCode()).isEqualTo(404);

            assertThat(client.delete(client.results("/v1/webhooks/" + webhookId)).statusCode()).isEqualTo(204);
            assertThat(client.get(client.results("/v1/webhooks/" + webhookId)).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aTaskCallbackUrlGetsTheOutcomeSignedWithTheTenantSecret() throws Exception {
        String secret = PipelineClient.json(client.get(client.results("/v1/callback-secret"))).get("secret").asString();
        try (WebhookReceiver receiver = new WebhookReceiver("/cb", () -> secret, 0)) {
            HttpResponse<String> accepted = client.post(client.ingest("/v1/resumes"),
                    Seeds.frontendResume("cb-" + UUID.randomUUID() + "@example.com"),
                    Map.of("X-Callback-Url", receiver.url("/cb")));
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            String taskId = PipelineClient.json(accepted).get("task_id").asString();
            await(() -> receiver.received.stream().anyMatch(r -> r.status() == 200 && r.body().contains(taskId)),
                    "the callback of task " + taskId);
            assertThat(receiver.badSignatures.get()).isZero();
        }
    }

    @Test
    void aResumeUpdateReachesAWebhookSubscribedToIt() throws Exception {
        AtomicReference<String> secret = new AtomicReference<>();
        try (WebhookReceiver receiver = new WebhookReceiver("/updates", secret::get, 0)) {
            HttpResponse<String> created = client.post(client.results("/v1/webhooks"), """
                    {"url":"%s","events":["resume.updated"],"secret":"a-secret-of-the-client-1234"}"""
                    .formatted(receiver.url("/updates")), Map.of());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            secret.set("a-secret-of-the-client-1234");
            String resumeId = client.submit("/v1/resumes", Seeds.javaKafkaResume("upd-" + UUID.randomUUID()
                    + "@example.com")).get("resume_id").asString();
            HttpResponse<String> put = client.send(client.request(client.ingest("/v1/resumes/" + resumeId))
                    .header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(Seeds.frontendResume("upd@example.com"))));
            assertThat(put.statusCode()).as(put.body()).isEqualTo(202);
            await(() -> receiver.received.stream().anyMatch(r -> r.status() == 200 && r.body().contains(resumeId)),
                    "the resume.updated delivery");
            WebhookReceiver.Received update = receiver.received.stream().filter(r -> r.body().contains(resumeId))
                    .findFirst().orElseThrow();
            assertThat(update.event()).isEqualTo("resume.updated");
            JsonNode delivered = com.talentpipeline.core.json.PipelineJson.mapper().readTree(update.body());
            assertThat(delivered.get("data").get("version").asInt()).isEqualTo(2);
            assertThat(delivered.get("data").get("source").asString()).isEqualTo("json");
            assertThat(update.body()).doesNotContain("upd@example.com");
            assertThat(receiver.badSignatures.get()).isZero();
            client.delete(client.results("/v1/webhooks/" + PipelineClient.json(created).get("id").asString()));
        }
    }

    @Test
    void inwardUrlsAreRefusedAtRegistration() throws Exception {
        List<String> inward = new java.util.ArrayList<>(List.of("http://169.254.169.254/latest/meta-data",
                "http://[::1]:8080/hook", "http://10.0.0.5/hook", "http://192.168.0.10/hook", "http://[fd00:ec2::254]/",
                "ftp://example.com/x",
                // Issue 14: IPv4 inside IPv6, special-purpose ranges, numeric spellings.
                "http://[::127.0.0.1]/", "http://[::ffff:127.0.0.1]/", "http://[64:ff9b::7f00:1]/",
                "http://[64:ff9b:1::a00:1]/", "http://[2002:7f00:1::]/", "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/",
                "http://[100::1]/", "http://198.18.0.1/", "http://[2001:db8::1]/", "http://192.0.0.1/",
                "http://203.0.113.5/", "http://240.0.0.1/", "http://100.64.0.1/", "http://2130706433/",
                "http://0x7f.1/", "http://017700000001/"));
        // This machine's own interface addresses (loopback is on the test allow-list for the receivers).
        for (var nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            for (var address : java.util.Collections.list(nic.getInetAddresses())) {
                if (address.isLoopbackAddress()) {
                    continue;
                }
                String literal = java.net.InetAddress.getByAddress(address.getAddress()).getHostAddress();
                inward.add(address instanceof java.net.Inet6Address ? "http://[" + literal + "]/" : "http://" + literal + "/");
            }
        }
        for (String url : inward) {
            HttpResponse<String> refused = client.post(client.results("/v1/webhooks"),
                    "{\"url\":\"" + url + "\",\"events\":[\"task.succeeded\"]}", Map.of());
            assertThat(refused.statusCode()).as(url + " " + refused.body()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            assertThat(PipelineClient.json(refused).get("code").asString()).isEqualTo("url_not_allowed");
        }
        for (String url : List.of("http://169.254.169.254/latest", "http://[::127.0.0.1]/", "http://[64:ff9b::7f00:1]/",
                "http://[2002:7f00:1::]/", "http://[100::1]/", "http://198.18.0.1/", "http://0x7f.1/")) {
            HttpResponse<String> callback = client.post(client.ingest("/v1/resumes"),
                    Seeds.frontendResume("ssrf-" + UUID.randomUUID() + "@example.com"), Map.of("X-Callback-Url", url));
            assertThat(callback.statusCode()).as(url + " " + callback.body()).isEqualTo(400);
            assertThat(callback.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            assertThat(PipelineClient.json(callback).get("code").asString()).isEqualTo("url_not_allowed");
        }
        HttpResponse<String> badEvent = client.post(client.results("/v1/webhooks"),
                "{\"url\":\"http://127.0.0.1:9/x\",\"events\":[\"task.exploded\"]}", Map.of());
        assertThat(badEvent.statusCode()).isEqualTo(400);
        assertThat(PipelineClient.json(badEvent).get("errors").get(0).get("field").asString()).isEqualTo("events");
    }

    private static JsonNode delivery(String webhookId, String deliveryId) {
        HttpResponse<String> list = client.get(client.results("/v1/webhooks/" + webhookId + "/deliveries"));
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        for (JsonNode d : PipelineClient.json(list).get("items")) {
            if (d.get("id").asString().equals(deliveryId)) {
                return d;
            }
        }
        throw new AssertionError("delivery " + deliveryId + " not listed: " + list.body());
    }

    private static void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            PipelineClient.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
