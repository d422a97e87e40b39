package com.talentpipeline.ingest.backpressure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code pipeline.ingest.backpressure}.
 *
 * @param enabled    whether submissions are refused while the backlog is full (default true)
 * @param maxLag     records not yet consumed by a watched group on a topic above which new
 *                   submissions for that topic are refused (default 10000, env INGEST_MAX_LAG)
 * @param groups     consumer groups whose lag counts (default embedding-worker); a group with no
 *                   committed offset on a topic is not counted for it
 * @param refresh    how long one lag measurement is reused (default 1s)
 * @param timeout    longest wait for a measurement; when Kafka does not answer in time the request
 *                   goes on, and the publish decides (default 2s)
 * @param retryAfter the Retry-After of a {@code backlog_full} answer (default 5s)
 * @param routes     request path prefix to the topic its submissions go to
 */
@ConfigurationProperties("pipeline.ingest.backpressure")
record BackpressureProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10000") long maxLag,
        @DefaultValue("embedding-worker") List<String> groups,
        @DefaultValue("1s") Duration refresh,
        @DefaultValue("2s") Duration timeout,
        @DefaultValue("5s") Duration retryAfter,
        Map<String, String> routes) {

    /** Applies the default routes when none are configured. */
    public BackpressureProperties {
        if (routes == null || routes.isEmpty()) {
            routes = new LinkedHashMap<>();
            routes.put("/v1/resumes", "resume.submitted");
            routes.put("/v1/jobs", "job.submitted");
        }
        routes = Map.copyOf(routes);
        groups = List.copyOf(groups);
    }

    /** The topic a POST or PUT on this path publishes to, or null when the path is not guarded. */
    public String topicFor(String path) {
        for (Map.Entry<String, String> route : routes.entrySet()) {
            String prefix = route.getKey();
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return route.getValue();
            }
        }
        return null;
    }
}
