package com.talentpipeline.embedding.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.talentpipeline.core.cache.CacheKey;
import com.talentpipeline.core.cache.ResultCache;
import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.resume.ResumeUpdated;
import com.talentpipeline.core.topic.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;

/** An erased resume's cache entry is evicted under exactly the key the batch processor stored it with. */
class ErasureEvictionsTest {

    @Test
    @SuppressWarnings("unchecked")
    void theErasureEventEvictsTheKeyTheProcessorWrote() throws Exception {
        var encoder = new EmbeddingBatchProcessorTest.RecordingEncoder();
        ResultCache cache = mock(ResultCache.class);
        when(cache.get(any())).thenReturn(Mono.empty());
        when(cache.put(any(), anyString())).thenReturn(Mono.just(true));
        when(cache.remember(anyString(), any())).thenReturn(Mono.just(true));
        when(cache.evictSubject(anyString(), anyString())).thenReturn(Mono.just(0L));
        when(cache.evict(any())).thenReturn(Mono.just(true));
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
        // A new version's announcement evicts nothing; the erasure evicts the stored key.
        evictions.onUpdates(List.of(updated(submitted.key(), new ResumeUpdated(submitted.key(), 2, "json"))));
        verify(cache, never()).evict(any());
        evictions.onUpdates(List.of(
                new ConsumerRecord<>(Topics.RESUME_UPDATED_NAME, 0, 1, "x", "not json".getBytes()),
                updated(submitted.key(), new ResumeUpdated(submitted.key(), 1, ResumeUpdated.DELETED, resume))));
        verify(cache).evict(stored.getValue());
        verify(cache).evictSubject("resume-embedding", submitted.key());
        assertThat(meters.get("pipeline.cache.evictions").tag("result", "evicted").counter().count()).isEqualTo(1);
    }

    private static ConsumerRecord<String, byte[]> updated(String key, ResumeUpdated payload) {
        var envelope = EventEnvelope.of(Topics.RESUME_UPDATED_NAME, UUID.randomUUID(), "default", key, "h", null, payload);
        return new ConsumerRecord<>(Topics.RESUME_UPDATED_NAME, 0, 2, key, Topics.RESUME_UPDATED.encode(envelope));
    }
}
