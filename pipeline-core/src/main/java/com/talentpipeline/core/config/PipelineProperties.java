package com.talentpipeline.core.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code pipeline.*} shared by every service. Each can be set by an environment
 * variable, e.g. {@code PIPELINE_CACHE_TTL_RESUMEEMBEDDING=30d}.
 *
 * @param cache result cache settings
 * @param db    database migration settings
 * @param kafka topic administration settings
 */
@ConfigurationProperties("pipeline")
public record PipelineProperties(
        @DefaultValue Cache cache,
        @DefaultValue Db db,
        @DefaultValue Kafka kafka) {

    /** Default TTLs by cache kind (the seeds' values). */
    public static final Map<String, Duration> DEFAULT_TTLS = Map.of(
            "resume-embedding", Duration.ofDays(90),
            "job-embedding", Duration.ofDays(90),
            "resume-score", Duration.ofDays(7),
            "comparison", Duration.ofDays(30));

    /**
     * Result cache.
     *
     * @param enabled    false bypasses Redis entirely (default true)
     * @param timeout    a Redis call slower than this counts as a miss (default 500ms)
     * @param defaultTtl TTL of a kind not listed in {@code ttl} (default 7d)
     * @param ttl        TTL per kind; overrides {@link #DEFAULT_TTLS}
     */
    public record Cache(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("500ms") Duration timeout,
            @DefaultValue("7d") Duration defaultTtl,
            Map<String, Duration> ttl) {

        public Cache {
            Map<String, Duration> merged = new HashMap<>(DEFAULT_TTLS);
            if (ttl != null) {
                merged.putAll(ttl);
            }
            ttl = Map.copyOf(merged);
        }
    }

    /**
     * Schema migration (Flyway over JDBC; the services themselves use R2DBC).
     *
     * @param migrate   run the migrations at start-up (default false; the services that use tables set it)
     * @param jdbcUrl   JDBC URL of the pipeline database
     * @param username  database user
     * @param password  database password
     * @param locations migration sets applied in this order, kits first (default none): each is
     *                  {@code classpath:db/migration/<name>} with history table {@code flyway_history_<name>},
     *                  e.g. {@code core/task,core/security,core/erasure,results} (see {@link SchemaMigrator})
     */
    public record Db(
            @DefaultValue("false") boolean migrate,
            @DefaultValue("jdbc:postgresql://127.0.0.1:15432/talent") String jdbcUrl,
            @DefaultValue("talent") String username,
            @DefaultValue("talent") String password,
            List<String> locations) {

        public Db {
            locations = locations == null ? List.of() : List.copyOf(locations);
        }
    }

    /**
     * Topic administration.
     *
     * @param createTopics create every registry topic and its DLT at start-up (default true)
     * @param replicas     replication factor of created topics (default 1 for the local stack; 3 in production)
     * @param sessionTimeout how long the group waits for a consumer that stopped heart-beating (a killed
     *                       worker) before its partitions move to the others (default 10s; Kafka's own is 45s)
     * @param heartbeatInterval consumer heartbeat period, a third of the session timeout or less (default 3s)
     * @param retry          back-off of the one error handler for failures that escape a listener
     */
    public record Kafka(
            @DefaultValue("true") boolean createTopics,
            @DefaultValue("1") short replicas,
            @DefaultValue("10s") java.time.Duration sessionTimeout,
            @DefaultValue("3s") java.time.Duration heartbeatInterval,
            @DefaultValue Retry retry) {
    }

    /**
     * Back-off of a batch that failed on infrastructure (PostgreSQL, Redis or Kafka away): retried without
     * limit, so nothing accepted is dropped, at growing intervals.
     *
     * @param initialInterval first wait (default 500ms)
     * @param multiplier      growth per attempt (default 2.0)
     * @param maxInterval     longest wait (default 10s)
     */
    public record Retry(
            @DefaultValue("500ms") Duration initialInterval,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("10s") Duration maxInterval) {
    }
}
