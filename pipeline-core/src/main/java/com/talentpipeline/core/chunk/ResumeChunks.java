package com.talentpipeline.core.chunk;

import com.talentpipeline.core.vector.PackedVector;
import java.util.List;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A resume version's retrieval chunks with their vectors, as the embedding worker publishes them.
 *
 * @param text    the rendered resume text the chunks' offsets point into
 * @param chunks  the chunks in reading order
 * @param vectors the L2-normalised encoding of each chunk's {@link Chunk#context()}, row i for chunk i
 */
public record ResumeChunks(
        String text,
        List<Chunk> chunks,
        @JsonSerialize(contentUsing = PackedVector.Serializer.class)
        @JsonDeserialize(contentUsing = PackedVector.Deserializer.class) List<float[]> vectors) {

    public ResumeChunks {
        chunks = List.copyOf(chunks);
        vectors = List.copyOf(vectors);
        if (chunks.size() != vectors.size()) {
            throw new IllegalArgumentException("one vector per chunk: " + chunks.size() + " chunks, " + vectors.size()
                    + " vectors");
        }
    }
}
