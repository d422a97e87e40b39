package com.talentpipeline.rag.index;

import com.talentpipeline.inference.text.TextEncoder;
import com.talentpipeline.core.chunk.Chunk;
import com.talentpipeline.core.chunk.ResumeChunks;
import com.talentpipeline.core.resume.ResumeEmbeddings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The chunk index: PostgreSQL is the record, an in-memory map the cache (filled on indexing and on
 * the first query after a restart). Only the latest version of a resume is kept.
 */
@Component
public class RagIndex {

    private static final Duration DB_TIMEOUT = Duration.ofSeconds(10);

    private final TextEncoder encoder;
    private final ChunkStore store;
    private final Map<String, IndexedResume> cache = new ConcurrentHashMap<>();

    private final Counter reencoded;

    public RagIndex(TextEncoder encoder, ChunkStore store, MeterRegistry meters) {
        this.reencoded = Counter.builder("pipeline.rag.index.reencoded")
                .description("Resume versions whose chunks came from another model and were re-encoded here")
                .register(meters);
        this.encoder = encoder;
        this.store = store;
    }

    /**
     * Stores the chunks and vectors the embedding worker published for a resume version, unless a newer
     * one is indexed; returns whether it was. The vectors are used as published: this worker encodes
     * only questions. Should they come from another model than the one questions are encoded with (a
     * rolling model upgrade), the chunks are re-encoded here rather than compared across models, and
     * {@code pipeline.rag.index.reencoded} counts it.
     */
    public boolean index(String tenantId, ResumeEmbeddings embedded) {
        IndexedResume cached = cache.get(embedded.resumeId());
        if (cached != null && cached.version() > embedded.version()) {
            return false;
        }
        ResumeChunks published = embedded.chunks();
        if (published == null) {
            throw new IllegalArgumentException("resume.embedded without chunks (an older embedding worker)");
        }
        float[][] vectors;
        String model = encoder.info().version();
        if (embedded.model() != null && model.equals(embedded.model().version())) {
            vectors = published.vectors().toArray(float[][]::new);
        } else {
            List<String> contexts = published.chunks().stream().map(Chunk::context).toList();
            vectors = contexts.isEmpty() ? new float[0][] : encoder.embed(contexts);
            reencoded.increment();
        }
        IndexedResume index = new IndexedResume(embedded.resumeId(), embedded.version(), model, published.text(),
                published.chunks(), vectors, tenantId);
        boolean stored = Boolean.TRUE.equals(store.replace(index).block(DB_TIMEOUT));
        if (stored) {
            cache.merge(embedded.resumeId(), index, (old, now) -> old.version() > now.version() ? old : now);
        }
        return stored;
    }

    /** Drops a resume's chunks (erasure): its rows, then its entry in memory. Emits the rows per table. */
    public Mono<Map<String, Long>> drop(String tenantId, String resumeId) {
        return store.delete(tenantId, resumeId).doOnSuccess(counts -> cache.remove(resumeId));
    }

    /** The tenant's resume index, from the cache or PostgreSQL; empty when it is not indexed or another tenant's. */
    public Mono<IndexedResume> find(String tenantId, String resumeId) {
        IndexedResume cached = cache.get(resumeId);
        if (cached != null) {
            return cached.tenantId().equals(tenantId) ? Mono.just(cached) : Mono.empty();
        }
        return store.load(resumeId).doOnNext(i -> cache.merge(resumeId, i,
                (old, now) -> old.version() >= now.version() ? old : now))
                .filter(i -> i.tenantId().equals(tenantId));
    }

    /** Resumes held in memory. */
    public int cachedResumes() {
        return cache.size();
    }

    /** The tenant's resumes held in memory. */
    public long cachedResumes(String tenantId) {
        return cache.values().stream().filter(i -> tenantId.equals(i.tenantId())).count();
    }

    /** The tenant's chunks held in memory. */
    public long cachedChunks(String tenantId) {
        return cache.values().stream().filter(i -> tenantId.equals(i.tenantId())).mapToLong(i -> i.chunks().size()).sum();
    }

    /** Chunks held in memory. */
    public long cachedChunks() {
        return cache.values().stream().mapToLong(i -> i.chunks().size()).sum();
    }

    public TextEncoder encoder() {
        return encoder;
    }
}
