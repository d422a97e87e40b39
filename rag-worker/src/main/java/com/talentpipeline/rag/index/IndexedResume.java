package com.talentpipeline.rag.index;

import com.talentpipeline.core.chunk.Chunk;
import java.util.List;

/**
 * The index of one resume's latest version: its chunks and their vectors (row i for chunk i).
 *
 * @param resumeId the resume
 * @param version  the indexed version
 * @param model    version of the model that produced the vectors
 * @param text     the rendered resume text the chunk offsets point into
 * @param chunks   chunks in reading order
 * @param vectors  L2-normalised vectors, one per chunk
 * @param tenantId the tenant the resume belongs to (only its callers may query it)
 */
public record IndexedResume(String resumeId, int version, String model, String text, List<Chunk> chunks,
        float[][] vectors, String tenantId) {

    /** An index of the default tenant. */
    public IndexedResume(String resumeId, int version, String model, String text, List<Chunk> chunks,
            float[][] vectors) {
        this(resumeId, version, model, text, chunks, vectors, com.talentpipeline.core.task.Tenants.DEFAULT);
    }

    public IndexedResume {
        chunks = List.copyOf(chunks);
        if (vectors.length != chunks.size()) {
            throw new IllegalArgumentException("one vector per chunk");
        }
    }
}
