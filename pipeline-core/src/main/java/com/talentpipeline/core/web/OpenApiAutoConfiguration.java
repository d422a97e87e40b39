package com.talentpipeline.core.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The OpenAPI description every service with springdoc shares: the API-key security schemes
 * ({@code Authorization: Bearer} or {@code X-API-Key}) required on every {@code /v1} operation, and
 * the problem+json error responses (400, 401, 404, 429, 503) those operations can answer.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
public class OpenApiAutoConfiguration {

    private static final String PROBLEM = "Problem";

    @Bean
    @ConditionalOnMissingBean
    OpenAPI pipelineOpenApi(@Value("${spring.application.name:talent-pipeline}") String name) {
        Schema<?> problem = new ObjectSchema()
                .description("RFC 9457 problem details with a stable machine-readable code")
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("code", new StringSchema().example("not_found"))
                .addProperty("errors", new io.swagger.v3.oas.models.media.ArraySchema().items(new ObjectSchema()
                        .addProperty("field", new StringSchema()).addProperty("message", new StringSchema())));
        return new OpenAPI()
                .info(new Info().title("Talent pipeline: " + name).version("v1")
                        .description("Every /v1 call needs an API key. Errors are application/problem+json."))
                .components(new Components()
                        .addSchemas(PROBLEM, problem)
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("Authorization: Bearer <API key>"))
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-API-Key")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }

    /**
     * The front door's one document: the other services' paths merged in ({@code pipeline.openapi.merge-from},
     * their base URLs, comma-separated; set on the ingest API, which serves {@code /v3/api-docs} at the one
     * base URL). Declared before the problem responses so merged operations get them too.
     */
    @Bean(destroyMethod = "close")
    @org.springframework.core.annotation.Order(0)
    @org.springframework.boot.autoconfigure.condition.ConditionalOnExpression("'${pipeline.openapi.merge-from:}' != ''")
    OpenApiMerge pipelineOpenApiMerge(@Value("${pipeline.openapi.merge-from}") java.util.List<String> baseUrls,
            @Value("${pipeline.openapi.refresh:60s}") java.time.Duration refresh) {
        return new OpenApiMerge(baseUrls, refresh);
    }

    /** Adds the problem responses to every /v1 operation that does not declare them. */
    @Bean
    @org.springframework.core.annotation.Order(10)
    OpenApiCustomizer pipelineProblemResponses() {
        Map<String, String> errors = Map.of(
                "400", "Invalid input (code and errors[] name the problem)",
                "401", "Missing, unknown or revoked API key (WWW-Authenticate: Bearer)",
                "404", "Unknown id, or another tenant's",
                "429", "Rate limit reached (Retry-After, RateLimit-* headers)",
                "503", "A dependency is down; nothing was accepted (Retry-After)");
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                if (!path.startsWith("/v1")) {
                    return;
                }
                item.readOperations().forEach(operation -> errors.forEach((status, description) -> {
                    if (operation.getResponses() != null && !operation.getResponses().containsKey(status)) {
                        operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
                                .content(new Content().addMediaType("application/problem+json",
                                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
                    }
                }));
            });
        };
    }
}
