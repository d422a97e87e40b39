package com.talentpipeline.matching.recommend;

import com.talentpipeline.core.cache.ResultCache;
import com.talentpipeline.core.erasure.ErasedResume;
import com.talentpipeline.core.erasure.ErasureParticipant;
import com.talentpipeline.matching.index.ResumeVectors;
import com.talentpipeline.matching.store.DocumentStore;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The matching worker's part of an erasure (participant {@code matching}): the resume's vectors in the
 * in-memory candidate index, its row of the document projection ({@code matching_resumes}) and its cached
 * comparisons. Reports {@code index_entries} (counting an entry the erasure's own tombstone on
 * {@code resume.embedded} removed just before), {@code matching_resumes} and {@code cache_keys}. Its {@code recommendations} predictions belong to the results API, which erases them.
 */
@Component
class MatchingErasure implements ErasureParticipant {

    private final ResumeVectors resumes;
    private final DocumentStore documents;
    private final ResultCache cache;

    MatchingErasure(ResumeVectors resumes, DocumentStore documents, ObjectProvider<ResultCache> cache) {
        this.resumes = resumes;
        this.documents = documents;
        this.cache = cache.getIfAvailable();
    }

    @Override
    public String name() {
        return "matching";
    }

    @Override
    public Mono<Map<String, Long>> erase(ErasedResume resume) {
        Mono<Long> dropped = Mono.fromSupplier(() -> resumes.erase(resume.resumeId()) ? 1L : 0L);
        Mono<Long> rows = documents.erase(resume.tenantId(), resume.resumeId()).defaultIfEmpty(0L);
        Mono<Long> evicted = cache == null ? Mono.just(0L)
                : cache.evictSubject(Comparisons.KIND, resume.resumeId()).defaultIfEmpty(0L);
        return Mono.zip(dropped, rows, evicted).map(n -> Map.of("index_entries", n.getT1(), "matching_resumes", n.getT2(),
                "cache_keys", n.getT3()));
    }
}
