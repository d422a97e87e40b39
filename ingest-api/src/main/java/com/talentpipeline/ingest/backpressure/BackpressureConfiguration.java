package com.talentpipeline.ingest.backpressure;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link BackpressureProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BackpressureProperties.class)
public class BackpressureConfiguration {
}
