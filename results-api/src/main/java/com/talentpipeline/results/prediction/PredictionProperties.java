package com.talentpipeline.results.prediction;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the prediction resource ({@code pipeline.results.predictions.*}).
 *
 * @param projectionWait longest wait of {@code GET /v1/predictions/{id}} for a fresh upload's
 *                       {@code resume.submitted} to reach this service's projection (it usually has, a few
 *                       milliseconds after the 202), so a client reading right after its upload sees the
 *                       upload's source and owner (default 1s; 0 answers at once with them unknown)
 */
@ConfigurationProperties("pipeline.results.predictions")
record PredictionProperties(@DefaultValue("1s") Duration projectionWait) {
}
