package com.talentpipeline.inference.registry;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.model.WorkerModels;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.inference.metrics.InferenceMetrics;
import com.talentpipeline.inference.model.LoadedModels;
import com.talentpipeline.inference.model.ModelInfo;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes this instance's {@link LoadedModels} to {@code model.registry} (compacted, key
 * {@code service/instance}) once the application is ready, then every
 * {@code pipeline.models.announce-interval} (default 15 s) with the current requests-served count,
 * and a tombstone on shutdown so the results API forgets a stopped instance. A crashed instance
 * sends no tombstone; the results API marks it stale when announcements stop.
 *
 * <p>Announcing is best effort: a failed send is logged and retried at the next interval, it never
 * affects the work on tasks.
 *
 * <p>Every service that loads a model announces: registered by
 * {@link com.talentpipeline.inference.config.InferenceAutoConfiguration} where a text encoder and a
 * {@code KafkaTemplate} exist.
 */
public class ModelAnnouncer {

    private static final Logger log = LoggerFactory.getLogger(ModelAnnouncer.class);

    private final LoadedModels models;
    private final KafkaTemplate<String, byte[]> kafka;
    private final MeterRegistry meters;
    private final String service;
    private final String instance;
    private final Duration interval;
    private final List<ResultVersion> results;
    private final Instant startedAt = Instant.now();
    private ScheduledExecutorService scheduler;

    /**
     * @param service  {@code spring.application.name}
     * @param interval how often to re-announce
     */
    public ModelAnnouncer(LoadedModels models, KafkaTemplate<String, byte[]> kafka, MeterRegistry meters,
            String service, Duration interval) {
        this(models, kafka, meters, service, interval, List.of());
    }

    /**
     * @param service  {@code spring.application.name}
     * @param interval how often to re-announce
     * @param results  the result versions to announce with the models (see {@link ResultVersion})
     */
    public ModelAnnouncer(LoadedModels models, KafkaTemplate<String, byte[]> kafka, MeterRegistry meters,
            String service, Duration interval, List<ResultVersion> results) {
        this.results = List.copyOf(results);
        this.models = models;
        this.kafka = kafka;
        this.meters = meters;
        this.service = service;
        this.instance = instanceId();
        this.interval = interval;
    }

    /** Announces now and schedules the re-announcements. */
    @EventListener(ApplicationReadyEvent.class)
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "model-announcer");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::announce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops announcing and removes this instance from the registry. */
    @PreDestroy
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        scheduler = null;
        try {
            kafka.send(new ProducerRecord<>(Topics.MODEL_REGISTRY_NAME, WorkerModels.key(service, instance), null))
                    .get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("could not withdraw {} from the model registry: {}", WorkerModels.key(service, instance), e.toString());
        }
    }

    /** @return what this instance announces now */
    public WorkerModels current() {
        List<WorkerModels.LoadedModel> loaded = models.all().stream().map(this::entry).toList();
        Map<String, String> versions = new TreeMap<>();
        results.forEach(r -> versions.put(r.kind(), r.version().get()));
        return new WorkerModels(service, instance, startedAt, Instant.now(), loaded, versions);
    }

    void announce() {
        try {
            WorkerModels announcement = current();
            var envelope = EventEnvelope.of(Topics.MODEL_REGISTRY_NAME, null, null, announcement.key(), null, null,
                    announcement);
            kafka.send(new ProducerRecord<>(Topics.MODEL_REGISTRY_NAME, announcement.key(),
                    Topics.MODEL_REGISTRY.encode(envelope))).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("model announcement failed, retrying in {}: {}", interval, e.toString());
        }
    }

    private WorkerModels.LoadedModel entry(ModelInfo info) {
        Counter texts = meters.find(InferenceMetrics.TEXTS).tag("model", info.name()).counter();
        return new WorkerModels.LoadedModel(info.name(), info.version(), info.digest(), info.engine(), info.device(),
                info.dimension(), info.loadTimeMillis(), info.source(), texts == null ? 0 : (long) texts.count());
    }

    private static String instanceId() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (Exception e) {
                host = "localhost";
            }
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
