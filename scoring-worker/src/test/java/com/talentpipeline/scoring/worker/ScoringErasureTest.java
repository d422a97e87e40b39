package com.talentpipeline.scoring.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.talentpipeline.core.cache.ResultCache;
import com.talentpipeline.core.erasure.ErasedResume;
import com.talentpipeline.scoring.store.ScoreStore;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The scoring participant erases its own scores and cache entries of the tenant's resume and counts them. */
class ScoringErasureTest {

    @Test
    void erasesTheScoresAndTheScoreCacheAndReportsBoth() {
        ScoreStore store = mock(ScoreStore.class);
        ResultCache cache = mock(ResultCache.class);
        when(store.erase("acme", "r1")).thenReturn(Mono.just(2L));
        when(cache.evictSubject(ResumeScoring.CACHE_KIND, "r1")).thenReturn(Mono.just(1L));
        com.talentpipeline.scoring.store.Documents documents = mock(com.talentpipeline.scoring.store.Documents.class);
        when(documents.erase("acme", "r1")).thenReturn(Mono.just(1L));
        var participant = new ScoringErasure(store, documents, cache);

        Map<String, Long> counts = participant.erase(new ErasedResume(UUID.randomUUID(), "acme", "r1", 2, null)).block();

        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("resume_scores", 2L, "scoring_resumes", 1L,
                "cache_keys", 1L));
        assertThat(participant.name()).isEqualTo("scoring");
        verify(store).erase("acme", "r1");
        verify(documents).erase("acme", "r1");
    }
}
