package com.talentpipeline.embedding.worker;

import com.talentpipeline.core.cache.CacheKey;
import com.talentpipeline.core.cache.ResultCache;
import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.hash.ContentHash;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.task.ErrorCode;
import com.talentpipeline.core.task.ModelRef;
import com.talentpipeline.core.task.TaskEvent;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.core.trace.TaskTracing;
import com.talentpipeline.inference.model.ModelInfo;
import com.talentpipeline.inference.text.TextEncoder;
import com.talentpipeline.inference.vector.Vectors;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Embeds one polled batch of submissions: cache look-up by content, then all section items of all
 * cache misses in one {@link TextEncoder#embed} call (the encoder runs them in forward passes of its
 * batch size), then results, task events and cache writes. A record that cannot be read, or on which
 * the model fails alone, goes to the dead-letter topic and its task to FAILED; the others proceed.
 */
@Component
public class EmbeddingBatchProcessor {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingBatchProcessor.class);
    private static final long ACK_TIMEOUT_MS = 30_000;

    private final TextEncoder encoder;
    private final ResultCache cache;
    private final EventPublisher publisher;
    private final MeterRegistry meters;
    private final ModelRef model;
    private final TaskTracing tracing;

    /** Without tracing (unit tests). */
    public EmbeddingBatchProcessor(TextEncoder encoder, ResultCache cache, EventPublisher publisher,
            MeterRegistry meters) {
        this(encoder, cache, publisher, meters, TaskTracing.noop());
    }

    /**
     * @param tracing continues each task's trace while its results are published and logged
     */
    @Autowired
    public EmbeddingBatchProcessor(TextEncoder encoder, ResultCache cache, EventPublisher publisher,
            MeterRegistry meters, TaskTracing tracing) {
        this.tracing = tracing;
        this.encoder = encoder;
        this.cache = cache;
        this.publisher = publisher;
        this.meters = meters;
        ModelInfo info = encoder.info();
        this.model = new ModelRef(info.name(), info.version(), info.dimension());
    }

    /** Processes the batch; returns only when everything it published is acknowledged. */
    public <P, R> void process(DocumentKind<P, R> kind, List<ConsumerRecord<String, byte[]>> records) throws Exception {
        Timer.Sample sample = Timer.start(meters);
        EventPublisher.Batch out = publisher.batch();
        List<Work<P>> work = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                EventEnvelope<P> envelope = kind.input().decode(record.value());
                out.task(envelope, TaskEvent.running(kind.taskType()));
                Map<String, List<String>> sections = kind.sections(envelope.payload());
                CacheKey key = new CacheKey(envelope.tenantId(), kind.cacheKind(), model.version(), ContentHash.of(sections));
                work.add(new Work<>(record, envelope, sections, key));
            } catch (RuntimeException e) {
                malformed(kind, record, e, out);
            }
        }

        List<Work<P>> misses = new ArrayList<>();
        for (Work<P> w : work) {
            if (w.sections.isEmpty()) {
                out.task(w.envelope, TaskEvent.failed(kind.taskType(), ErrorCode.NOTHING_TO_EMBED,
                        "The document has no text to embed in any section"));
                continue;
            }
            String cached = cache.get(w.key).block();
            SectionVectors vectors = cached == null ? null : readCached(cached);
            if (vectors != null) {
                count(kind, "cache");
                cache.remember(w.envelope.subjectId(), w.key).block();
                succeed(kind, w, vectors, true, out);
            } else {
                misses.add(w);
            }
        }

        embed(kind, misses, out);
        out.awaitAcks(ACK_TIMEOUT_MS);
        sample.stop(Timer.builder("pipeline.worker.batch.latency")
                .description("Time to process one polled batch, from poll to acknowledged results")
                .tag("kind", kind.cacheKind())
                .publishPercentileHistogram()
                .register(meters));
    }

    private <P, R> void embed(DocumentKind<P, R> kind, List<Work<P>> misses, EventPublisher.Batch out) {
        if (misses.isEmpty()) {
            return;
        }
        List<String> texts = new ArrayList<>();
        misses.forEach(w -> w.sections.values().forEach(texts::addAll));
        float[][] vectors;
        try {
            vectors = encoder.embed(texts);
        } catch (RuntimeException batchFailure) {
            // One bad input must not fail its neighbours: retry each document alone.
            log.warn("batch of {} documents failed in the model, retrying one by one: {}", misses.size(),
                    batchFailure.toString());
            for (Work<P> w : misses) {
                embedAlone(kind, w, out);
            }
            return;
        }
        int offset = 0;
        for (Work<P> w : misses) {
            int size = w.sections.values().stream().mapToInt(List::size).sum();
            float[][] own = new float[size][];
            System.arraycopy(vectors, offset, own, 0, size);
            offset += size;
            finishFromModel(kind, w, own, out);
        }
    }

    private <P, R> void embedAlone(DocumentKind<P, R> kind, Work<P> w, EventPublisher.Batch out) {
        List<String> texts = new ArrayList<>();
        w.sections.values().forEach(texts::addAll);
        try {
            finishFromModel(kind, w, encoder.embed(texts), out);
        } catch (RuntimeException e) {
            log.error("task {}: model failed on this document; dead-lettered", w.envelope.taskId(), e);
            out.deadLetter(kind.input(), w.record, e);
            out.task(w.envelope, TaskEvent.failed(kind.taskType(), ErrorCode.MODEL_FAILED,
                    "The model failed on this document: " + e.getClass().getSimpleName()));
            errors(kind, "model");
        }
    }

    private <P, R> void finishFromModel(DocumentKind<P, R> kind, Work<P> w, float[][] vectors, EventPublisher.Batch out) {
        Map<String, float[]> means = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        int i = 0;
        for (var section : w.sections.entrySet()) {
            List<float[]> items = new ArrayList<>();
            for (int k = 0; k < section.getValue().size(); k++) {
                items.add(vectors[i++]);
            }
            means.put(section.getKey(), Vectors.normalisedMean(items));
            counts.put(section.getKey(), items.size());
        }
        SectionVectors result = new SectionVectors(means, counts);
        cache.put(w.key, PipelineJson.mapper().writeValueAsString(result)).block();
        cache.remember(w.envelope.subjectId(), w.key).block();
        count(kind, "model");
        succeed(kind, w, result, false, out);
    }

    private <P, R> void succeed(DocumentKind<P, R> kind, Work<P> w, SectionVectors vectors, boolean cacheHit,
            EventPublisher.Batch out) {
        // In the task's trace: this log line and the records sent carry its trace id.
        tracing.inTrace(w.envelope.traceparent(), "embed " + kind.cacheKind(), () -> {
            R result = kind.result(w.envelope.payload(), model, vectors);
            String resultHash = w.key.contentHash();
            out.send(kind.output(), w.envelope.subjectId(), w.envelope.derive(kind.output().name(), resultHash, result));
            JsonNode resultJson = PipelineJson.mapper().valueToTree(result);
            out.task(w.envelope, TaskEvent.succeeded(kind.taskType(), model, kind.resultLink(w.envelope.payload()),
                    resultJson, cacheHit));
            log.info("task {} {} {} embedded ({})", w.envelope.taskId(), kind.cacheKind(), w.envelope.subjectId(),
                    cacheHit ? "cache" : "model");
        });
    }

    private <P, R> void malformed(DocumentKind<P, R> kind, ConsumerRecord<String, byte[]> record, RuntimeException e,
            EventPublisher.Batch out) {
        log.warn("malformed record {}-{}@{} dead-lettered: {}", record.topic(), record.partition(), record.offset(),
                e.getMessage());
        out.deadLetter(kind.input(), record, e);
        errors(kind, "malformed");
        UUID taskId = salvageTaskId(record.value());
        if (taskId != null && record.key() != null) {
            // The envelope is unreadable as a whole but names its task: fail that task with the reason.
            var failed = new EventEnvelope<>(UUID.randomUUID().toString(), Topics.TASK_EVENTS_NAME, taskId, salvageTenant(record.value()),
                    record.key(), null, java.time.Instant.now(), null,
                    TaskEvent.failed(kind.taskType(), ErrorCode.MALFORMED_EVENT,
                            "The submitted event could not be read: " + e.getMessage()));
            out.send(Topics.TASK_EVENTS, record.key(), failed);
        }
    }

    private static UUID salvageTaskId(byte[] value) {
        try {
            JsonNode node = PipelineJson.mapper().readTree(value);
            return node != null && node.hasNonNull("taskId") ? UUID.fromString(node.get("taskId").asString()) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String salvageTenant(byte[] value) {
        try {
            JsonNode node = PipelineJson.mapper().readTree(value);
            return node.hasNonNull("tenantId") ? node.get("tenantId").asString() : "default";
        } catch (RuntimeException e) {
            return "default";
        }
    }

    private SectionVectors readCached(String json) {
        try {
            return PipelineJson.mapper().readValue(json, SectionVectors.class);
        } catch (RuntimeException e) {
            log.warn("unreadable cache entry ignored: {}", e.toString());
            return null;
        }
    }

    private void count(DocumentKind<?, ?> kind, String source) {
        Counter.builder("pipeline.embedding.documents")
                .description("Documents embedded, by kind and where the vectors came from (cache or model)")
                .tag("kind", kind.cacheKind())
                .tag("source", source)
                .register(meters)
                .increment();
    }

    private void errors(DocumentKind<?, ?> kind, String reason) {
        Counter.builder("pipeline.consumer.errors")
                .description("Records a consumer could not process")
                .tag("topic", kind.input().name())
                .tag("reason", reason)
                .register(meters)
                .increment();
    }

    private record Work<P>(ConsumerRecord<String, byte[]> record, EventEnvelope<P> envelope,
            Map<String, List<String>> sections, CacheKey key) {
    }
}
