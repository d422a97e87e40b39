package com.talentpipeline.results.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A registered webhook as the API shows it.
 *
 * @param id        the webhook id
 * @param url       where events are POSTed
 * @param events    the subscribed event types
 * @param createdAt when it was registered (ISO-8601)
 * @param secret    the signing secret: only in the answer to its registration, absent afterwards
 */
record WebhookView(String id, String url, List<String> events, String createdAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

    static WebhookView of(WebhookStore.Webhook w) {
        return new WebhookView(w.id().toString(), w.url(), w.events(),
                w.createdAt() == null ? null : Instant.from(w.createdAt()).toString(), null);
    }

    /** The same webhook with its secret, shown once. */
    WebhookView withSecret(String secret) {
        return new WebhookView(id, url, events, createdAt, secret);
    }

    /** {@code GET /v1/webhooks}. @param items the tenant's webhooks */
    record Page(List<WebhookView> items) {
    }

    /** {@code GET /v1/webhooks/{id}/deliveries}. @param items deliveries, newest first, each with its attempts */
    record Deliveries(List<tools.jackson.databind.JsonNode> items) {
    }

    /** {@code :redeliver}. @param id the delivery @param state PENDING: due now */
    record Redelivery(String id, String state) {
    }

    /** {@code GET /v1/callback-secret}. @param secret the tenant's callback secret @param signature how to check */
    record CallbackSecret(String secret, String signature) {
    }
}
