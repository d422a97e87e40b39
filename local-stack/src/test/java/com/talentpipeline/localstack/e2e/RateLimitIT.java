package com.talentpipeline.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A key with its own small bucket (3 requests, 1 per second) hits 429 with Retry-After, then recovers. */
class RateLimitIT {

    @Test
    void theBucketEmptiesAnswers429AndRefills() {
        PipelineClient admin = new PipelineClient(SharedPipeline.get()).withKey(null);
        HttpResponse<String> created = admin.post(admin.results("/admin/v1/keys"), """
                {"tenantId":"rate-%s","name":"small bucket","rateLimit":{"capacity":3,"refillPerSecond":1}}"""
                .formatted(UUID.randomUUID()), Map.of("X-Admin-Key", SharedPipeline.ADMIN_KEY));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        PipelineClient limited = admin.withKey(PipelineClient.json(created).get("key").asString());

        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            responses.add(limited.get(limited.results("/v1/tasks?limit=1")));
        }
        assertThat(responses.get(0).statusCode()).isEqualTo(200);
        assertThat(responses.get(0).headers().firstValue("RateLimit-Limit")).hasValue("3");
        assertThat(responses.get(0).headers().firstValue("RateLimit-Remaining")).hasValue("2");
        HttpResponse<String> refused = responses.stream().filter(r -> r.statusCode() == 429).findFirst()
                .orElseThrow(() -> new AssertionError("no 429 in " + responses.stream().map(HttpResponse::statusCode).toList()));
        assertThat(responses.stream().filter(r -> r.statusCode() == 200).count()).isLessThanOrEqualTo(4);
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 2L);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(PipelineClient.json(refused).get("code").asString()).isEqualTo("rate_limited");
        assertThat(refused.headers().firstValue("RateLimit-Remaining")).hasValue("0");

        PipelineClient.sleep(retryAfter * 1000 + 100);
        assertThat(limited.get(limited.results("/v1/tasks?limit=1")).statusCode()).as("refilled").isEqualTo(200);
        // Other keys are not affected by this one's bucket.
        assertThat(new PipelineClient(SharedPipeline.get()).get(admin.results("/v1/tasks?limit=1")).statusCode())
                .isEqualTo(200);
    }
}
