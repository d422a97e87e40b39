package com.talentpipeline.ingest.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code pipeline.ingest}.
 *
 * @param resultsBaseUrl base URL of the results API, used in {@code Location} headers (default http://localhost:8081)
 * @param ackTimeout     how long to wait for Kafka to acknowledge an event before answering 503 (default 10s)
 * @param retryAfter     the Retry-After a 503 advertises (default 5s)
 * @param maxBodySize    largest JSON body accepted; larger is 413 (default 1MB)
 */
@ConfigurationProperties("pipeline.ingest")
public record IngestProperties(
        @DefaultValue("http://localhost:8081") String resultsBaseUrl,
        @DefaultValue("10s") Duration ackTimeout,
        @DefaultValue("5s") Duration retryAfter,
        @DefaultValue("1MB") DataSize maxBodySize) {
}
