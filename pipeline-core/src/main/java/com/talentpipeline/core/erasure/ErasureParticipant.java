package com.talentpipeline.core.erasure;

import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * One module's part of an erasure: it deletes its OWN data about an erased resume (its tables, its
 * cache entries, its in-memory index), never another module's, and says how much went. The kit's
 * {@link ErasureListener} calls it on the {@code resume.updated} "deleted" event and reports the counts
 * on {@code task.events} under {@link #name()}.
 */
public interface ErasureParticipant {

    /** The name the erasure task lists it by ({@code pipeline.erasure.participants}), e.g. {@code rag}. */
    String name();

    /**
     * Deletes this module's data about the resume. Emits how much went, per table or store (e.g.
     * {@code {"rag_chunks": 12, "rag_documents": 1}}; {@code cache_keys} for Redis entries,
     * {@code index_entries} for in-memory entries). Idempotent: called again for the same resume it
     * deletes nothing and emits zeros. An error (the database is down) is retried by the listener.
     */
    Mono<Map<String, Long>> erase(ErasedResume resume);
}
