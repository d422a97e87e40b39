package com.talentpipeline.matching.recommend;

import com.talentpipeline.core.cache.ResultCache;
import com.talentpipeline.core.erasure.ErasedResume;
import com.talentpipeline.core.erasure.ErasureParticipant;
import com.talentpipeline.matching.index.ResumeVectors;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The matching worker's part of an erasure (participant {@code matching}): the resume's vectors in the
 * in-memory candidate index and its cached comparisons. Reports {@code index_entries} and
 * {@code cache_keys}. Its {@code recommendations} predictions belong to the results API, which erases them.
 */
@Component
class MatchingErasure implements ErasureParticipant {

    private final ResumeVectors resumes;
    private final ResultCache cache;

    MatchingErasure(ResumeVectors resumes, ObjectProvider<ResultCache> cache) {
        this.resumes = resumes;
        this.cache = cache.getIfAvailable();
    }

    @Override
    public String name() {
        return "matching";
    }

    @Override
    public Mono<Map<String, Long>> erase(ErasedResume resume) {
        Mono<Long> dropped = Mono.fromSupplier(() -> resumes.remove(resume.resumeId()) ? 1L : 0L);
        Mono<Long> evicted = cache == null ? Mono.just(0L)
                : cache.evictSubject(Comparisons.KIND, resume.resumeId()).defaultIfEmpty(0L);
        return dropped.zipWith(evicted, (entries, keys) -> Map.of("index_entries", entries, "cache_keys", keys));
    }
}
