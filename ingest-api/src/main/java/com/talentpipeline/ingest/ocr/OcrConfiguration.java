package com.talentpipeline.ingest.ocr;

import com.talentpipeline.ingest.document.ScannedDocuments;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import reactor.core.scheduler.Schedulers;

/**
 * OCR beans. With {@code pipeline.ingest.ocr.enabled=false} there is no engine: scanned documents are 422
 * {@code no_extractable_text}. Otherwise the engine loads in the background once the application is ready
 * (it never delays start-up or another request), and the {@code ocr} health contributor says where it is:
 * UNKNOWN while loading, UP when ready, DOWN with the reason when the natives or the model could not be
 * loaded (text documents are still accepted then; scanned ones get a 422). It is not part of readiness.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OcrProperties.class)
public class OcrConfiguration {

    @Bean(destroyMethod = "close")
    TesseractEngine tesseractEngine(OcrProperties properties) {
        return new TesseractEngine(properties);
    }

    /** The OCR stage of text extraction; no bean when OCR is off. */
    @Bean
    @ConditionalOnProperty(name = "pipeline.ingest.ocr.enabled", havingValue = "true", matchIfMissing = true)
    ScannedDocuments scannedDocuments(OcrProperties properties, TesseractEngine engine) {
        return new ScannedDocuments(engine, properties.settings());
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp(ApplicationReadyEvent event) {
        OcrProperties properties = event.getApplicationContext().getBean(OcrProperties.class);
        if (properties.enabled() && properties.warmUp()) {
            TesseractEngine engine = event.getApplicationContext().getBean(TesseractEngine.class);
            Schedulers.boundedElastic().schedule(engine::load);
        }
    }

    /** Health contributor {@code ocr}. */
    @Bean
    HealthIndicator ocrHealthIndicator(OcrProperties properties, TesseractEngine engine) {
        return () -> {
            if (!properties.enabled()) {
                return Health.up().withDetail("enabled", false).build();
            }
            Health.Builder health = switch (engine.state()) {
                case READY -> Health.up().withDetail("engine", engine.name())
                        .withDetail("tessdata", String.valueOf(engine.tessdata()))
                        .withDetail("loadMillis", engine.loadMillis());
                case FAILED -> Health.down().withDetail("error", engine.failure());
                default -> Health.unknown().withDetail("state", engine.state().name());
            };
            return health.withDetail("enabled", true).withDetail("maxPages", properties.maxPages())
                    .withDetail("timeout", properties.timeout().toString()).build();
        };
    }
}
