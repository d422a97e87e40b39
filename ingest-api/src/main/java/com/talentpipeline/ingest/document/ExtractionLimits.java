package com.talentpipeline.ingest.document;

import java.time.Duration;

/**
 * Bounds on extracting one file, so a hostile or broken file costs bounded time and memory.
 *
 * @param maxPages          PDF pages read at most
 * @param maxChars          extracted characters kept at most
 * @param maxInflatedBytes  DOCX: total uncompressed bytes allowed (zip-bomb guard)
 * @param timeout           wall-clock budget for extraction and parsing
 */
public record ExtractionLimits(int maxPages, int maxChars, long maxInflatedBytes, Duration timeout) {

    /** The defaults of {@code pipeline.ingest}. */
    public static ExtractionLimits defaults() {
        return new ExtractionLimits(50, 200_000, 64L * 1024 * 1024, Duration.ofSeconds(10));
    }
}
