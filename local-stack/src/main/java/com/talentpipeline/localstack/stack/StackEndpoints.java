package com.talentpipeline.localstack.stack;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to reach a running stack, whichever implementation started it.
 *
 * @param kafkaBootstrapServers Kafka bootstrap servers ({@code host:port})
 * @param jdbcUrl               PostgreSQL JDBC URL (used by Flyway)
 * @param r2dbcUrl              PostgreSQL R2DBC URL (used by the reactive services)
 * @param dbUser                database user
 * @param dbPassword            database password
 * @param redisHost             Redis host
 * @param redisPort             Redis port
 */
public record StackEndpoints(
        String kafkaBootstrapServers,
        String jdbcUrl,
        String r2dbcUrl,
        String dbUser,
        String dbPassword,
        String redisHost,
        int redisPort) {

    /** Builds the endpoints of a PostgreSQL server reached at {@code host:port/database}. */
    static StackEndpoints of(String kafkaBootstrapServers, String pgHost, int pgPort, String database,
                             String user, String password, String redisHost, int redisPort) {
        String hostPortDb = pgHost + ":" + pgPort + "/" + database;
        return new StackEndpoints(kafkaBootstrapServers, "jdbc:postgresql://" + hostPortDb,
                "r2dbc:postgresql://" + hostPortDb, user, password, redisHost, redisPort);
    }

    /**
     * Spring Boot properties that point a service at this stack; pass them as system properties,
     * command-line arguments or a {@code DynamicPropertyRegistry}. The {@code pipeline.db.*} keys
     * feed Flyway, which needs JDBC while the services talk R2DBC.
     */
    public Map<String, String> springProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers);
        p.put("spring.r2dbc.url", r2dbcUrl);
        p.put("spring.r2dbc.username", dbUser);
        p.put("spring.r2dbc.password", dbPassword);
        p.put("spring.data.redis.host", redisHost);
        p.put("spring.data.redis.port", Integer.toString(redisPort));
        p.put("pipeline.db.jdbc-url", jdbcUrl);
        p.put("pipeline.db.username", dbUser);
        p.put("pipeline.db.password", dbPassword);
        return Collections.unmodifiableMap(p);
    }
}
