package com.talentpipeline.detection.config;

import com.talentpipeline.detection.backbone.Backbone;
import com.talentpipeline.detection.backbone.BuiltinBackbone;
import com.talentpipeline.detection.backbone.DinoBackbone;
import com.talentpipeline.detection.detect.DetectionService;
import com.talentpipeline.core.image.ImageDecoder;
import com.talentpipeline.detection.maskcut.MaskCut;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The backbone (a DINO model when {@code pipeline.detection.backbone.model-url} is set, else the built-in
 * one), loaded once at start-up; MaskCut; and the {@code backbone} health indicator (in readiness). The
 * Kafka error policy is the consume kit's (pipeline-core).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DetectionProperties.class)
class DetectionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DetectionConfiguration.class);

    @Bean(destroyMethod = "close")
    Backbone backbone(DetectionProperties properties) {
        DetectionProperties.Backbone b = properties.backbone();
        Backbone backbone = b.model()
                ? DinoBackbone.load(b.modelUrl(), b.engine(), b.name(), b.patchSize(), b.inputSize(), b.squareInput())
                : new BuiltinBackbone(b.patchSize(), b.inputSize(), b.colorWeight(), b.textureWeight(), b.positionWeight());
        log.info("detection backbone: {}", backbone.info());
        return backbone;
    }

    @Bean
    MaskCut maskCut(DetectionProperties properties) {
        DetectionProperties.Maskcut m = properties.maskcut();
        MaskCut.Settings defaults = MaskCut.Settings.defaults();
        MaskCut maskCut = new MaskCut(new MaskCut.Settings(m.tau(), m.eps(), m.maxObjects(), m.minAreaFraction(),
                m.maxIou(), defaults.maxIterations(), defaults.tolerance()));
        maskCut.warmUp();
        return maskCut;
    }

    @Bean
    DetectionService detectionService(Backbone backbone, MaskCut maskCut, DetectionProperties properties,
            MeterRegistry meters) {
        return new DetectionService(backbone, maskCut, properties.refine(), meters);
    }

    @Bean
    ImageDecoder imageDecoder(DetectionProperties properties) {
        return new ImageDecoder(properties.upload().maxPixels());
    }

    /** Health contributor {@code backbone}: UP with the backbone's name while it can extract. */
    @Bean
    HealthIndicator backboneHealthIndicator(Backbone backbone) {
        return () -> (backbone.isReady() ? Health.up() : Health.down())
                .withDetail("name", backbone.info().name())
                .withDetail("kind", backbone.info().kind())
                .withDetail("engine", backbone.info().engine())
                .withDetail("patchSize", backbone.info().patchSize())
                .build();
    }
}
