package com.talentpipeline.embedding.worker;

import com.talentpipeline.core.cache.CacheKey;
import com.talentpipeline.core.cache.ResultCache;
import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.hash.ContentHash;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.kafka.consume.ConsumeKit;
import com.talentpipeline.core.kafka.consume.Received;
import com.talentpipeline.core.kafka.consume.TaskFailure;
import com.talentpipeline.core.kafka.consume.TypedListener;
import com.talentpipeline.core.task.ErrorCode;
import com.talentpipeline.core.task.ModelRef;
import com.talentpipeline.core.task.TaskEvent;
import com.talentpipeline.core.trace.TaskTracing;
import com.talentpipeline.inference.model.ModelInfo;
import com.talentpipeline.inference.text.TextEncoder;
import com.talentpipeline.inference.vector.Vectors;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Embeds one polled batch of submissions: cache look-up by content, then every distinct text of all
 * cache misses (section items, skills, profile texts, retrieval chunks) in one {@link TextEncoder#embed}
 * call (the encoder runs them in forward passes of its batch size), then results, task events and cache
 * writes. This is the only place a document's text is encoded: downstream workers read the vectors from
 * {@code resume.embedded} / {@code job.embedded}. A record that cannot be read (the consume kit), or on
 * which the model fails alone, goes to the dead-letter topic and its task to FAILED; the others proceed.
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

    /**
     * The kit's typed listener of the kind's input topic: unreadable records are dead-lettered and their
     * tasks FAILED ({@code MALFORMED_EVENT}) there; the decoded ones come to {@link #process}.
     */
    public <P, R> TypedListener<P> listener(ConsumeKit kit, DocumentKind<P, R> kind) {
        return kit.listener(kind.input()).failingTasksAs(kind.taskType()).handler(batch -> process(kind, batch));
    }

    /** Processes the decoded batch; returns only when everything it published is acknowledged. */
    public <P, R> void process(DocumentKind<P, R> kind, List<Received<P>> records) throws Exception {
        Timer.Sample sample = Timer.start(meters);
        EventPublisher.Batch out = publisher.batch();
        List<Work<P>> work = new ArrayList<>();
        for (Received<P> received : records) {
            EventEnvelope<P> envelope = received.envelope();
            out.task(envelope, TaskEvent.running(kind.taskType()));
            try {
                EncodingPlan plan = kind.plan(envelope.payload());
                CacheKey key = new CacheKey(envelope.tenantId(), kind.cacheKind(), model.version(), ContentHash.of(plan));
                work.add(new Work<>(received.record(), envelope, plan, key));
            } catch (RuntimeException e) {
                // Decoded, but its content cannot be planned (a payload the kit's decoding accepted).
                out.failForGood(received.record(), e, TaskFailure.of(envelope, kind.taskType(), ErrorCode.MALFORMED_EVENT,
                        "The submitted event could not be read: " + e.getMessage()));
                errors(kind, "malformed");
            }
        }

        List<Work<P>> candidates = new ArrayList<>();
        for (Work<P> w : work) {
            if (w.plan.isEmpty()) {
                out.task(w.envelope, TaskEvent.failed(kind.taskType(), ErrorCode.NOTHING_TO_EMBED,
                        "The document has no text to embed in any section"));
            } else {
                candidates.add(w);
            }
        }
        // The batch's cache look-ups run concurrently (one wait, not one round trip per document): the model
        // waits for them, and on a busy machine a Redis round trip is 5-20 ms.
        List<String> cachedValues = Flux.fromIterable(candidates)
                .flatMapSequential(w -> cache.get(w.key).defaultIfEmpty(""))
                .collectList().block();
        List<Work<P>> misses = new ArrayList<>();
        List<Mono<Boolean>> writes = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Work<P> w = candidates.get(i);
            String cached = cachedValues == null || cachedValues.get(i).isEmpty() ? null : cachedValues.get(i);
            EncodedDocument vectors = cached == null ? null : readCached(cached);
            if (vectors != null && vectors.covers(w.plan)) {
                count(kind, "cache");
                writes.add(cache.remember(w.envelope.subjectId(), w.key));
                succeed(kind, w, vectors, true, out);
            } else {
                misses.add(w);
            }
        }

        embed(kind, misses, out, writes);
        // Cache writes of the whole batch at once, before the offsets are committed.
        Flux.merge(writes).then().block();
        out.awaitAcks(ACK_TIMEOUT_MS);
        sample.stop(Timer.builder("pipeline.worker.batch.latency")
                .description("Time to process one polled batch, from poll to acknowledged results")
                .tag("kind", kind.cacheKind())
                .publishPercentileHistogram()
                .register(meters));
    }

    private <P, R> void embed(DocumentKind<P, R> kind, List<Work<P>> misses, EventPublisher.Batch out,
            List<Mono<Boolean>> writes) {
        if (misses.isEmpty()) {
            return;
        }
        // One model call for the whole batch, each distinct text once: skill names, titles and requirements
        // repeat across documents, and a skill is both a skills-section item and a skill vector.
        Set<String> distinct = new LinkedHashSet<>();
        misses.forEach(w -> w.plan.addTo(distinct));
        List<String> texts = new ArrayList<>(distinct);
        float[][] vectors;
        try {
            vectors = encoder.embed(texts);
        } catch (RuntimeException batchFailure) {
            // One bad input must not fail its neighbours: retry each document alone.
            log.warn("batch of {} documents failed in the model, retrying one by one: {}", misses.size(),
                    batchFailure.toString());
            for (Work<P> w : misses) {
                embedAlone(kind, w, out, writes);
            }
            return;
        }
        Map<String, float[]> byText = byText(texts, vectors);
        for (Work<P> w : misses) {
            finishFromModel(kind, w, EncodedDocument.of(w.plan, byText::get), out, writes);
        }
    }

    private <P, R> void embedAlone(DocumentKind<P, R> kind, Work<P> w, EventPublisher.Batch out,
            List<Mono<Boolean>> writes) {
        List<String> texts = w.plan.distinctTexts();
        try {
            Map<String, float[]> byText = byText(texts, encoder.embed(texts));
            finishFromModel(kind, w, EncodedDocument.of(w.plan, byText::get), out, writes);
        } catch (RuntimeException e) {
            log.error("task {}: model failed on this document; dead-lettered", w.envelope.taskId(), e);
            out.failForGood(w.record, e, TaskFailure.of(w.envelope, kind.taskType(), ErrorCode.MODEL_FAILED,
                    "The model failed on this document: " + e.getClass().getSimpleName()));
            errors(kind, "model");
        }
    }

    private static Map<String, float[]> byText(List<String> texts, float[][] vectors) {
        Map<String, float[]> byText = new HashMap<>(texts.size() * 2);
        for (int i = 0; i < texts.size(); i++) {
            byText.put(texts.get(i), vectors[i]);
        }
        return byText;
    }

    private <P, R> void finishFromModel(DocumentKind<P, R> kind, Work<P> w, EncodedDocument result,
            EventPublisher.Batch out, List<Mono<Boolean>> writes) {
        writes.add(cache.put(w.key, PipelineJson.mapper().writeValueAsString(result))
                .then(cache.remember(w.envelope.subjectId(), w.key)));
        count(kind, "model");
        succeed(kind, w, result, false, out);
    }

    private <P, R> void succeed(DocumentKind<P, R> kind, Work<P> w, EncodedDocument vectors, boolean cacheHit,
            EventPublisher.Batch out) {
        // In the task's trace: this log line and the records sent carry its trace id.
        tracing.inTrace(w.envelope.traceparent(), "embed " + kind.cacheKind(), () -> {
            R result = kind.result(w.envelope.payload(), model, vectors);
            // The derived event keeps the submission's content hash: downstream tasks (the resume score) and
            // the door cache identify the content by it.
            out.send(kind.output(), w.envelope.subjectId(),
                    w.envelope.derive(kind.output().name(), w.envelope.contentHash(), result));
            JsonNode resultJson = PipelineJson.mapper().valueToTree(kind.taskResult(result));
            out.task(w.envelope, TaskEvent.succeeded(kind.taskType(), model, kind.resultLink(w.envelope.payload()),
                    resultJson, cacheHit));
            log.info("task {} {} {} embedded ({})", w.envelope.taskId(), kind.cacheKind(), w.envelope.subjectId(),
                    cacheHit ? "cache" : "model");
        });
    }

    private EncodedDocument readCached(String json) {
        try {
            return PipelineJson.mapper().readValue(json, EncodedDocument.class);
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

    private record Work<P>(ConsumerRecord<String, byte[]> record, EventEnvelope<P> envelope, EncodingPlan plan,
            CacheKey key) {
    }
}
