package com.talentpipeline.rag.index;

import com.talentpipeline.core.resume.Resume;
import com.talentpipeline.inference.text.TextEncoder;
import com.talentpipeline.rag.chunk.Chunk;
import com.talentpipeline.rag.chunk.ChunkedResume;
import com.talentpipeline.rag.chunk.ResumeChunker;
import com.talentpipeline.rag.config.RagProperties;
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

    private final ResumeChunker chunker;
    private final TextEncoder encoder;
    private final ChunkStore store;
    private final Map<String, IndexedResume> cache = new ConcurrentHashMap<>();

    public RagIndex(RagProperties properties, TextEncoder encoder, ChunkStore store) {
        this.chunker = new ResumeChunker(properties.chunking().maxChars(), properties.chunking().skillsPerChunk());
        this.encoder = encoder;
        this.store = store;
    }

    /** Chunks, embeds and stores a resume version unless a newer one is indexed; returns whether it was. */
    public boolean index(String tenantId, String resumeId, int version, Resume resume) {
        IndexedResume cached = cache.get(resumeId);
        if (cached != null && cached.version() > version) {
            return false;
        }
        ChunkedResume chunked = chunker.chunk(resume);
        List<String> contexts = chunked.chunks().stream().map(Chunk::context).toList();
        float[][] vectors = contexts.isEmpty() ? new float[0][] : encoder.embed(contexts);
        IndexedResume index = new IndexedResume(resumeId, version, encoder.info().version(), chunked.text(),
                chunked.chunks(), vectors, tenantId);
        boolean stored = Boolean.TRUE.equals(store.replace(index).block(DB_TIMEOUT));
        if (stored) {
            cache.merge(resumeId, index, (old, now) -> old.version() > now.version() ? old : now);
        }
        return stored;
    }

    /** Drops a resume's chunks (erasure). */
    public void drop(String resumeId) {
        store.delete(resumeId).block(DB_TIMEOUT);
        cache.remove(resumeId);
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
