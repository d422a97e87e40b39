package com.talentpipeline.core.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import reactor.netty.NettyPipeline;

/**
 * The front of every reactive web service, with a key store or not: the access filter (canonical
 * paths, deny by default), NUL-free request strings and problem+json for errors outside controllers.
 * A service without R2DBC (the embedding worker) has no tenant API: its tenant paths are refused.
 */
@AutoConfiguration(after = SecurityAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(SecurityProperties.class)
public class AccessAutoConfiguration {

    /** Always present: with security off it still refuses non-canonical paths (and runs as the default tenant). */
    @Bean
    @ConditionalOnMissingBean
    ApiKeyWebFilter apiKeyWebFilter(ObjectProvider<ApiKeyAuthenticator> authenticator, ObjectProvider<RateLimiter> limiter,
            ObjectProvider<MeterRegistry> meters, SecurityProperties properties) {
        return new ApiKeyWebFilter(authenticator.getIfAvailable(), limiter.getIfAvailable(),
                meters.getIfAvailable(SimpleMeterRegistry::new), properties);
    }

    /** Request bodies with NUL in a string are a 400 at decoding, not a database error later. */
    @Bean
    JsonMapperBuilderCustomizer nulFreeRequestStrings() {
        return builder -> builder.addModule(com.talentpipeline.core.web.NulFreeStrings.module());
    }

    /** problem+json for unknown routes and other errors outside controllers. */
    @Bean
    @ConditionalOnMissingBean
    com.talentpipeline.core.web.ProblemWebExceptionHandler problemWebExceptionHandler() {
        return new com.talentpipeline.core.web.ProblemWebExceptionHandler();
    }

    /**
     * Netty's side of the front: a body that stops arriving is answered 408 and closed instead of holding
     * the connection, and the refusals Netty writes itself (414, 431, 400, 408) carry problem+json.
     */
    @Bean
    @ConditionalOnClass(name = "reactor.netty.http.server.HttpServer")
    NettyServerCustomizer pipelineNettyFront(SecurityProperties properties) {
        return server -> server
                .readTimeout(properties.readTimeout())
                .requestTimeout(properties.requestTimeout())
                .doOnChannelInit((observer, channel, address) -> {
                    if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                        channel.pipeline().addAfter(NettyPipeline.HttpCodec, "pipelineProblemBodies", ProblemBodies.INSTANCE);
                    }
                });
    }
}
