package com.talentpipeline.scoring.worker;

import com.talentpipeline.core.cache.ResultCache;
import com.talentpipeline.core.erasure.ErasedResume;
import com.talentpipeline.core.erasure.ErasureParticipant;
import com.talentpipeline.scoring.store.Documents;
import com.talentpipeline.scoring.store.ScoreStore;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The scoring worker's part of an erasure (participant {@code scoring}): the resume's
 * {@code resume_scores} rows, its row of the document projection ({@code scoring_resumes}) and its score
 * cache entries. Reports {@code resume_scores}, {@code scoring_resumes} and {@code cache_keys}.
 */
@Component
class ScoringErasure implements ErasureParticipant {

    private final ScoreStore store;
    private final Documents documents;
    private final ResultCache cache;

    ScoringErasure(ScoreStore store, Documents documents, ResultCache cache) {
        this.store = store;
        this.documents = documents;
        this.cache = cache;
    }

    @Override
    public String name() {
        return "scoring";
    }

    @Override
    public Mono<Map<String, Long>> erase(ErasedResume resume) {
        return Mono.zip(store.erase(resume.tenantId(), resume.resumeId()).defaultIfEmpty(0L),
                        documents.erase(resume.tenantId(), resume.resumeId()).defaultIfEmpty(0L),
                        cache.evictSubject(ResumeScoring.CACHE_KIND, resume.resumeId()).defaultIfEmpty(0L))
                .map(n -> Map.of("resume_scores", n.getT1(), "scoring_resumes", n.getT2(), "cache_keys", n.getT3()));
    }
}
