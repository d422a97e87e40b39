package com.talentpipeline.ingest.door;

import com.talentpipeline.core.cache.ResultCache;
import com.talentpipeline.core.kafka.consume.ConsumeKit;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** The door cache, the worker versions it judges entries by, and the registry listener feeding them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DoorProperties.class)
class DoorConfiguration {

    @Bean
    WorkerVersions workerVersions(DoorProperties properties) {
        return new WorkerVersions(properties.staleAfter());
    }

    @Bean
    WorkerVersionsListener workerVersionsListener(WorkerVersions versions, ConsumeKit kit) {
        return new WorkerVersionsListener(versions, kit);
    }

    @Bean
    DoorCache doorCache(ReactiveStringRedisTemplate redis, ResultCache cache, WorkerVersions versions,
            DoorProperties properties, MeterRegistry meters) {
        return new DoorCache(redis, cache, versions, properties, meters, Clock.systemUTC());
    }
}
