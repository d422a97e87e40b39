package com.talentpipeline.rag.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The worker's settings. Its Kafka error policy is the consume kit's (pipeline-core): bad records follow
 * their topic's policy, infrastructure failures (PostgreSQL down) are retried with back-off until they succeed.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RagProperties.class)
class RagConfiguration {
}
