package com.talentpipeline.core.chunk;

import java.util.List;

/**
 * A resume rendered as plain text and split into chunks that point into it.
 *
 * @param text   the rendered resume
 * @param chunks its chunks, in reading order
 */
public record ChunkedResume(String text, List<Chunk> chunks) {
    public ChunkedResume {
        chunks = List.copyOf(chunks);
    }
}
