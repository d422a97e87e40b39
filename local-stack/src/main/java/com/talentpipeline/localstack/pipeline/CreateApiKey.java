package com.talentpipeline.localstack.pipeline;

import com.talentpipeline.core.security.ApiKeyStore;
import java.time.Duration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Admin command: creates an API key for a tenant directly in the pipeline database and prints it once.
 * {@code java -cp ... com.talentpipeline.localstack.pipeline.CreateApiKey <tenant> <name>} with
 * {@code R2DBC_URL}, {@code DB_USER}, {@code DB_PASSWORD} pointing at the database (the
 * {@code POST /admin/v1/keys} endpoint of the results API does the same over HTTP).
 */
public final class CreateApiKey {

    private CreateApiKey() {
    }

    /** Minimal context: R2DBC and the key store, no web server, no Kafka listeners. */
    @SpringBootApplication(excludeName = {
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration"})
    static class KeyTool {
        @org.springframework.context.annotation.Bean
        ApiKeyStore apiKeyStore(org.springframework.r2dbc.core.DatabaseClient db) {
            return new ApiKeyStore(db);
        }
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: CreateApiKey <tenantId> <name>");
            System.exit(2);
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(KeyTool.class)
                .web(WebApplicationType.NONE)
                .properties("spring.r2dbc.url=${R2DBC_URL:r2dbc:postgresql://127.0.0.1:15432/talent}",
                        "spring.r2dbc.username=${DB_USER:talent}", "spring.r2dbc.password=${DB_PASSWORD:talent}",
                        "spring.main.banner-mode=off", "pipeline.kafka.create-topics=false")
                .run()) {
            var created = context.getBean(ApiKeyStore.class).create(args[0], args[1], null, null)
                    .block(Duration.ofSeconds(30));
            System.out.println("tenant " + created.key().tenantId() + " key id " + created.key().id());
            System.out.println(created.secret());
        }
    }
}
