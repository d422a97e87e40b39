package com.talentpipeline.embedding.worker;

import com.talentpipeline.core.cache.CacheKey;
import com.talentpipeline.core.cache.ResultCache;
import com.talentpipeline.core.erasure.ErasedResume;
import com.talentpipeline.core.erasure.ErasureParticipant;
import com.talentpipeline.core.hash.ContentHash;
import com.talentpipeline.core.resume.ResumeSubmitted;
import com.talentpipeline.inference.text.TextEncoder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The embedding worker's part of an erasure (participant {@code embedding}; called by the erasure kit's
 * listener on the {@code resume.updated} "deleted" event): its Redis cache entries of the resume. The
 * key of the last content derives from that content and this worker's model version (exactly as
 * {@link EmbeddingBatchProcessor} builds it); the entries of earlier versions were indexed under the
 * resume id by the processor. Reports {@code cache_keys}; counts
 * {@code pipeline.cache.evictions{kind,result=evicted|absent}}.
 */
@Component
class ErasureEvictions implements ErasureParticipant {

    private static final Logger log = LoggerFactory.getLogger(ErasureEvictions.class);
    private static final String KIND = "resume-embedding";

    private final ResultCache cache;
    private final MeterRegistry meters;
    private final String modelVersion;
    private final ResumeKind resumes;

    public ErasureEvictions(ResultCache cache, TextEncoder encoder, ResumeKind resumes, MeterRegistry meters) {
        this.cache = cache;
        this.resumes = resumes;
        this.meters = meters;
        this.modelVersion = encoder.info().version();
    }

    @Override
    public String name() {
        return "embedding";
    }

    /** Evicts the entries of the erased resume: its last content and every version indexed under its id. */
    @Override
    public Mono<Map<String, Long>> erase(ErasedResume resume) {
        Mono<Boolean> last = resume.lastContent() == null ? Mono.just(false)
                : cache.evict(new CacheKey(resume.tenantId(), KIND, modelVersion, ContentHash.of(resumes.plan(
                        new ResumeSubmitted(resume.resumeId(), resume.version(), resume.lastContent())))));
        return cache.evictSubject(KIND, resume.resumeId()).defaultIfEmpty(0L)
                .zipWith(last.defaultIfEmpty(false))
                .map(evicted -> {
                    long earlier = evicted.getT1();
                    boolean removed = evicted.getT2();
                    long total = earlier + (removed ? 1 : 0);
                    Counter.builder("pipeline.cache.evictions")
                            .description("Cache entries evicted because their subject was erased, by kind and whether any existed")
                            .tag("kind", KIND)
                            .tag("result", total > 0 ? "evicted" : "absent")
                            .register(meters)
                            .increment();
                    log.info("resume {} erased: last entry {}, {} indexed entries evicted", resume.resumeId(),
                            removed ? "evicted" : "absent", earlier);
                    return Map.of("cache_keys", total);
                });
    }
}
