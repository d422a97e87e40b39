package com.talentpipeline.results.score;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@code GET /v1/resumes/{id}/score?jobId=} ({@code pipeline.results.score.*}).
 *
 * @param jobTimeout longest wait for the scoring worker's answer before {@code 503} (default 5s)
 * @param retryAfter Retry-After of that {@code 503} and of a request Kafka did not take (default 2s)
 */
@ConfigurationProperties("pipeline.results.score")
record ScoreProperties(@DefaultValue("5s") Duration jobTimeout, @DefaultValue("2s") Duration retryAfter) {
}
