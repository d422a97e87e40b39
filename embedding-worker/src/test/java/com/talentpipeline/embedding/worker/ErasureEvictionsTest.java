package com.talentpipeline.embedding.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.talentpipeline.core.cache.CacheKey;
import com.talentpipeline.core.cache.ResultCache;
import com.talentpipeline.core.erasure.ErasureListener;
import com.talentpipeline.core.erasure.ErasureReport;
import com.talentpipeline.core.erasure.ErasureReporter;
import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.resume.ResumeUpdated;
import com.talentpipeline.core.topic.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;

/**
 * An erased resume's cache entry is evicted under exactly the key the batch processor stored it with,
 * and the participant reports it on the erasure task; the event delivered again reports zero.
 */
class ErasureEvictionsTest {

    @Test
    @SuppressWarnings("unchecked")
    void theErasureEventEvictsTheKeyTheProcessorWroteAndReportsIt() throws Exception {
        var encoder = new EmbeddingBatchProcessorTest.RecordingEncoder();
        ResultCache cache = mock(ResultCache.class);
        when(cache.get(any())).thenReturn(Mono.empty());
        when(cache.put(any(), anyString())).thenReturn(Mono.just(true));
        when(cache.remember(anyString(), any())).thenReturn(Mono.just(true));
        when(cache.evictSubject(anyString(), anyString())).thenReturn(Mono.just(0L));
        when(cache.evict(any())).thenReturn(Mono.just(true), Mono.just(false));
        KafkaTemplate<String, byte[]> kafka = mock(KafkaTemplate.class);
        when(kafka.send(any(ProducerRecord.class))).thenReturn(CompletableFuture.completedFuture(null));
        var meters = new SimpleMeterRegistry();
        var kit = com.talentpipeline.core.kafka.consume.ConsumeKit.of(kafka, meters, "embedding-worker");
        var processor = new EmbeddingBatchProcessor(encoder, cache, new EventPublisher(kafka, kit.deadLetters()), meters);
        ConsumerRecord<String, byte[]> submitted = EmbeddingBatchProcessorTest.record("Kafka", 0);
        processor.listener(kit, new ResumeKind(com.talentpipeline.embedding.config.EmbeddingProperties.defaults()))
                .onBatch(List.of(submitted));
        ArgumentCaptor<CacheKey> stored = ArgumentCaptor.forClass(CacheKey.class);
        verify(cache).put(stored.capture(), anyString());

        var resume = Topics.RESUME_SUBMITTED.decode(submitted.value()).payload().resume();
        var evictions = new ErasureEvictions(cache, encoder, EmbeddingBatchProcessorTest.RESUMES, meters);
        ErasureReporter reporter = mock(ErasureReporter.class);
        when(reporter.report(any(), anyString(), any())).thenReturn(Mono.empty());
        var listener = new ErasureListener(List.of(evictions), reporter, Duration.ofSeconds(5), kit);
        UUID task = UUID.randomUUID();
        // A new version's announcement evicts nothing; the erasure evicts the stored key.
        listener.onUpdates(List.of(updated(task, submitted.key(), new ResumeUpdated(submitted.key(), 2, "json"))));
        verify(cache, never()).evict(any());
        verify(reporter, never()).report(any(), anyString(), any());
        var erasure = updated(task, submitted.key(), new ResumeUpdated(submitted.key(), 1, ResumeUpdated.DELETED, resume));
        listener.onUpdates(List.of(new ConsumerRecord<>(Topics.RESUME_UPDATED_NAME, 0, 1, "x", "not json".getBytes()),
                erasure));
        verify(cache).evict(stored.getValue());
        verify(cache).evictSubject("resume-embedding", submitted.key());
        verify(reporter).report(eq(task), eq("default"),
                eq(new ErasureReport("embedding", submitted.key(), Map.of("cache_keys", 1L))));
        assertThat(meters.get("pipeline.cache.evictions").tag("result", "evicted").counter().count()).isEqualTo(1);

        // Delivered again: nothing left, a report with zero.
        listener.onUpdates(List.of(erasure));
        verify(reporter).report(eq(task), eq("default"),
                eq(new ErasureReport("embedding", submitted.key(), Map.of("cache_keys", 0L))));
    }

    private static ConsumerRecord<String, byte[]> updated(UUID task, String key, ResumeUpdated payload) {
        var envelope = EventEnvelope.of(Topics.RESUME_UPDATED_NAME, task, "default", key, "h", null, payload);
        return new ConsumerRecord<>(Topics.RESUME_UPDATED_NAME, 0, 2, key, Topics.RESUME_UPDATED.encode(envelope));
    }
}
