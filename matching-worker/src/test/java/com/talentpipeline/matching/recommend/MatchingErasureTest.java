package com.talentpipeline.matching.recommend;

import static org.assertj.core.api.Assertions.assertThat;
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
        var participant = new MatchingErasure(vectors, provider);
        var erased = new ErasedResume(UUID.randomUUID(), "acme", "r1", 1, null);

        assertThat(participant.erase(erased).block()).containsEntry("index_entries", 1L).containsEntry("cache_keys", 3L);
        assertThat(vectors.size("acme")).isEqualTo(1);
        assertThat(vectors.get("acme", "r1")).isNull();
        assertThat(participant.erase(erased).block()).containsEntry("index_entries", 0L).containsEntry("cache_keys", 0L);
        assertThat(participant.name()).isEqualTo("matching");
    }
}
