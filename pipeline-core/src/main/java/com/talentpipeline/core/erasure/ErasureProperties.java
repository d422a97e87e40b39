package com.talentpipeline.core.erasure;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the erasure kit ({@code pipeline.erasure.*}; e.g. {@code PIPELINE_ERASURE_DEADLINE=5m}).
 *
 * @param participants  the participants an erasure task waits for, read where the task is opened
 *                      (ingest API); default every module holding personal data:
 *                      ingest, embedding, scoring, rag, matching, results
 * @param deadline      how long the results API waits for the reports before it marks the task FAILED
 *                      naming the missing participants (default 2m)
 * @param sweepInterval how often the results API checks open erasure tasks against the deadline (default 5s)
 * @param listener      whether this service listens for erasures and calls its participants (default
 *                      true; the ingest API, which erases in the request, turns it off)
 * @param timeout       the most a participant's erasure, or the acknowledgement of its report, may take
 *                      before the batch is retried (default 30s)
 */
@ConfigurationProperties("pipeline.erasure")
public record ErasureProperties(
        @DefaultValue({"ingest", "embedding", "scoring", "rag", "matching", "results"}) List<String> participants,
        @DefaultValue("2m") Duration deadline,
        @DefaultValue("5s") Duration sweepInterval,
        @DefaultValue("true") boolean listener,
        @DefaultValue("30s") Duration timeout) {
}
