package com.talentpipeline.scoring.worker;

import com.talentpipeline.core.cache.ResultCache;
import com.talentpipeline.core.erasure.ErasedResume;
import com.talentpipeline.core.erasure.ErasureParticipant;
import com.talentpipeline.scoring.store.ScoreStore;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The scoring worker's part of an erasure (participant {@code scoring}): the resume's
 * {@code resume_scores} rows and its score cache entries. Reports {@code resume_scores} and
 * {@code cache_keys}.
 */
@Component
class ScoringErasure implements ErasureParticipant {

    private final ScoreStore store;
    private final ResultCache cache;

    ScoringErasure(ScoreStore store, ResultCache cache) {
        this.store = store;
        this.cache = cache;
    }

    @Override
    public String name() {
        return "scoring";
    }

    @Override
    public Mono<Map<String, Long>> erase(ErasedResume resume) {
        return store.erase(resume.tenantId(), resume.resumeId()).defaultIfEmpty(0L)
                .zipWith(cache.evictSubject(ResumeScoring.CACHE_KIND, resume.resumeId()).defaultIfEmpty(0L))
                .map(n -> Map.of("resume_scores", n.getT1(), "cache_keys", n.getT2()));
    }
}
