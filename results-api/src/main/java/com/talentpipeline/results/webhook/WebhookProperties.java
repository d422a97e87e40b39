package com.talentpipeline.results.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code pipeline.webhooks.*} ({@code pipeline.webhooks.allowed-hosts} is read by the
 * SSRF guard in pipeline-core).
 *
 * @param enabled       false stops creating and sending deliveries (default true)
 * @param maxAge        retries stop this long after the event (or a redelivery request) (default 24h)
 * @param backoffBase   first retry delay ceiling; doubles per attempt, full jitter (default 5s)
 * @param backoffMax    largest retry delay ceiling (default 1h)
 * @param pollInterval  how often due deliveries are looked for (default 1s)
 * @param timeout       connect + response timeout of one attempt (default 10s)
 * @param batchSize     deliveries claimed per poll (default 20)
 * @param responseChars characters of the receiver's response kept for the deliveries listing (default 512)
 */
@ConfigurationProperties("pipeline.webhooks")
record WebhookProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("24h") Duration maxAge,
        @DefaultValue("5s") Duration backoffBase,
        @DefaultValue("1h") Duration backoffMax,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("20") int batchSize,
        @DefaultValue("512") int responseChars) {
}
