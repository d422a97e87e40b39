package com.talentpipeline.ingest.document;

/**
 * Where a parsed value came from in the extracted text.
 *
 * @param line  1-based line number
 * @param start first character (0-based offset into the whole extracted text)
 * @param end   one past the last character
 */
public record Span(int line, int start, int end) {
}
