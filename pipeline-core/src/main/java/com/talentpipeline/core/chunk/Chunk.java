package com.talentpipeline.core.chunk;

/**
 * One retrievable piece of a resume. {@code text} is exactly
 * {@code renderedText.substring(charStart, charEnd)} of the resume's {@link ChunkedResume#text()}.
 *
 * @param chunkId   stable id within the resume version, e.g. {@code workExperience-1.2}
 * @param section   summary, skills, workExperience, education or certifications
 * @param text      the cited text
 * @param charStart start offset (inclusive) in the rendered resume text
 * @param charEnd   end offset (exclusive)
 * @param context   what the model embeds: the text prefixed by its section (and role), for retrieval
 */
public record Chunk(String chunkId, String section, String text, int charStart, int charEnd, String context) {
}
