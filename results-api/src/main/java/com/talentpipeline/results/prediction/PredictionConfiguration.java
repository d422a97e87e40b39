package com.talentpipeline.results.prediction;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link PredictionProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PredictionProperties.class)
class PredictionConfiguration {
}
