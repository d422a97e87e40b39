package com.talentpipeline.matching.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.talentpipeline.core.cache.ResultCache;
import com.talentpipeline.core.erasure.ErasedResume;
import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.resume.ResumeEmbeddings;
import com.talentpipeline.core.task.ModelRef;
import com.talentpipeline.matching.index.ResumeVectors;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import reactor.core.publisher.Mono;

/** The matching participant drops the resume from the in-memory index and its comparisons, and says so. */
class MatchingErasureTest {

    @Test
    @SuppressWarnings("unchecked")
    void dropsTheResumeAndItsComparisonsThenReportsZeroWhenAskedAgain() {
        ResumeVectors vectors = new ResumeVectors();
        float[] v = {1, 0, 0, 0};
        for (String id : new String[] {"r1", "r2"}) {
            vectors.put(EventEnvelope.of("resume.embedded", null, "acme", id, "h", null, new ResumeEmbeddings(id, 1,
                    new ModelRef("m", "v", 4), Map.of("skills", v, "workExperience", v), Map.of(), null)));
        }
        ResultCache cache = mock(ResultCache.class);
        when(cache.evictSubject(Comparisons.KIND, "r1")).thenReturn(Mono.just(3L), Mono.just(0L));
        ObjectProvider<ResultCache> provider = mock(ObjectProvider.class);
        when(provider.getIfAvailable()).thenReturn(cache);
        com.talentpipeline.matching.store.DocumentStore documents = mock(com.talentpipeline.matching.store.DocumentStore.class);
        when(documents.erase("acme", "r1")).thenReturn(Mono.just(1L), Mono.just(0L));
        var participant = new MatchingErasure(vectors, documents, provider);
        var erased = new ErasedResume(UUID.randomUUID(), "acme", "r1", 1, null);

        assertThat(participant.erase(erased).block()).containsEntry("index_entries", 1L).containsEntry("cache_keys", 3L)
                .containsEntry("matching_resumes", 1L);
        assertThat(vectors.size("acme")).isEqualTo(1);
        assertThat(vectors.get("acme", "r1")).isNull();
        assertThat(participant.erase(erased).block()).containsEntry("index_entries", 0L).containsEntry("cache_keys", 0L)
                .containsEntry("matching_resumes", 0L);
        assertThat(participant.name()).isEqualTo("matching");
    }

    /**
     * The ingest API tombstones the resume on resume.embedded before it announces the erasure, and the
     * topic reader may apply the tombstone first: the entry it removed still counts for the erasure (the
     * participant used to report index_entries 0 then), once.
     */
    @Test
    @SuppressWarnings("unchecked")
    void anEntryTheErasuresTombstoneRemovedFirstIsStillCountedOnce() {
        ResumeVectors vectors = new ResumeVectors();
        float[] v = {1, 0, 0, 0};
        var envelope = EventEnvelope.of("resume.embedded", null, "acme", "r1", "h", null, new ResumeEmbeddings("r1", 1,
                new ModelRef("m", "v", 4), Map.of("skills", v, "workExperience", v), Map.of(), null));
        vectors.apply(java.util.List.of(
                new org.apache.kafka.clients.consumer.ConsumerRecord<>("resume.embedded", 0, 1L, "r1",
                        com.talentpipeline.core.topic.Topics.RESUME_EMBEDDED.encode(envelope)),
                new org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>("resume.embedded", 0, 2L, "r1", null),
                new org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>("resume.embedded", 0, 3L, "never-held", null)));
        assertThat(vectors.get("acme", "r1")).isNull();
        ObjectProvider<ResultCache> provider = mock(ObjectProvider.class);
        com.talentpipeline.matching.store.DocumentStore documents = mock(com.talentpipeline.matching.store.DocumentStore.class);
        when(documents.erase(anyString(), anyString())).thenReturn(Mono.just(0L));
        var participant = new MatchingErasure(vectors, documents, provider);

        assertThat(participant.erase(new ErasedResume(UUID.randomUUID(), "acme", "r1", 1, null)).block())
                .containsEntry("index_entries", 1L);
        assertThat(participant.erase(new ErasedResume(UUID.randomUUID(), "acme", "r1", 1, null)).block())
                .containsEntry("index_entries", 0L);
        assertThat(participant.erase(new ErasedResume(UUID.randomUUID(), "acme", "never-held", 1, null)).block())
                .containsEntry("index_entries", 0L);
    }
}
