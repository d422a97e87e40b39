package com.talentpipeline.core.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * API keys for every reactive web service with R2DBC: the key store, the cached authenticator and the
 * Redis rate limiter (when Redis is configured). The filter that uses them is in
 * {@link AccessAutoConfiguration}, present in every service, with R2DBC or not.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
        "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration",
        "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass(name = "org.springframework.r2dbc.core.DatabaseClient")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(DatabaseClient.class)
    ApiKeyStore apiKeyStore(DatabaseClient db) {
        return new ApiKeyStore(db);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(ApiKeyStore.class)
    ApiKeyAuthenticator apiKeyAuthenticator(ApiKeyStore store, SecurityProperties properties) {
        return new ApiKeyAuthenticator(store, properties.cacheTtl());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(ReactiveStringRedisTemplate.class)
    @ConditionalOnProperty(name = "pipeline.security.rate-limit.enabled", havingValue = "true", matchIfMissing = true)
    RateLimiter apiKeyRateLimiter(ReactiveStringRedisTemplate redis, SecurityProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        return new RateLimiter(redis, properties.rateLimit(), meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    /** SSRF guard of outbound client URLs; {@code pipeline.webhooks.allowed-hosts} lists hosts exempt from it. */
    @Bean
    @ConditionalOnMissingBean
    OutboundUrlGuard outboundUrlGuard(@Value("${pipeline.webhooks.allowed-hosts:}") List<String> allowedHosts) {
        return new OutboundUrlGuard(allowedHosts.stream().filter(h -> !h.isBlank()).toList(),
                OutboundUrlGuard.systemResolver());
    }

}
