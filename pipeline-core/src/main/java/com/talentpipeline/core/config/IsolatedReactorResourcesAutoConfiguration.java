package com.talentpipeline.core.config;

import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Gives each service its own Reactor Netty event loops instead of the JVM-global ones. The local
 * stack runs several services in one JVM and restarts some of them; with global resources, stopping
 * one service would shut down the loops the others serve HTTP on.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration")
@ConditionalOnClass(name = "reactor.netty.http.HttpResources")
public class IsolatedReactorResourcesAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        // In-flight requests are drained by the server's own graceful shutdown; waiting Netty's
        // default 2 s quiet period per service again only slows every stop and restart.
        factory.setShutdownQuietPeriod(Duration.ZERO);
        factory.setShutdownTimeout(Duration.ofSeconds(3));
        return factory;
    }
}
