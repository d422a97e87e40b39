package com.talentpipeline.ingest.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code pipeline.ingest}.
 *
 * @param resultsBaseUrl base URL of the results API, used in {@code Location} headers (default http://localhost:8081)
 * @param ackTimeout     how long to wait for Kafka to acknowledge an event before answering 503 (default 10s)
 * @param retryAfter     the Retry-After a 503 advertises (default 5s)
 * @param maxBodySize    largest JSON body accepted; larger is 413 (default 1MB)
 * @param maxFileSize    largest uploaded resume file (multipart {@code file} part); larger is 413 (default 10MB)
 * @param parseTimeout   longest text extraction + parsing of one file; longer is 422 {@code parse_timeout} (default 10s)
 * @param maxPages       PDF pages read at most; later pages are ignored with a warning (default 50)
 * @param maxExtractedChars extracted text kept for parsing at most (default 200000)
 * @param maxInflatedSize DOCX: total uncompressed size allowed before it counts as a zip bomb (default 64MB)
 * @param storedTextChars extracted text kept in the database for display (default 1000)
 * @param maxInterviewTurns most turns in an interview transcript; more is 413 (default 200)
 * @param maxInterviewChars most characters in an interview transcript; more is 413 (default 100000)
 * @param maxImagePixels largest width x height of an uploaded image, read from its header before decoding
 *                       (decompression bombs); larger is 422 {@code image_too_large} (default 40000000). The
 *                       file itself is bounded by {@code maxFileSize}.
 */
@ConfigurationProperties("pipeline.ingest")
public record IngestProperties(
        @DefaultValue("http://localhost:8081") String resultsBaseUrl,
        @DefaultValue("10s") Duration ackTimeout,
        @DefaultValue("5s") Duration retryAfter,
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue("10MB") DataSize maxFileSize,
        @DefaultValue("10s") Duration parseTimeout,
        @DefaultValue("50") int maxPages,
        @DefaultValue("200000") int maxExtractedChars,
        @DefaultValue("64MB") DataSize maxInflatedSize,
        @DefaultValue("1000") int storedTextChars,
        @DefaultValue("200") int maxInterviewTurns,
        @DefaultValue("100000") int maxInterviewChars,
        @DefaultValue("40000000") long maxImagePixels) {

    /** The limits document extraction works under. */
    public com.talentpipeline.ingest.document.ExtractionLimits extractionLimits() {
        return new com.talentpipeline.ingest.document.ExtractionLimits(maxPages, maxExtractedChars,
                maxInflatedSize.toBytes(), parseTimeout);
    }
}
