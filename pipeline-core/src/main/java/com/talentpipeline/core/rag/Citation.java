package com.talentpipeline.core.rag;

/**
 * A chunk an answer rests on, with its place in the rendered resume text and its relevance.
 *
 * @param chunkId   the chunk id, as cited in the answer text ({@code [chunkId]})
 * @param section   the resume section it comes from
 * @param text      its text
 * @param charStart first character in the rendered text
 * @param charEnd   one past its last character
 * @param score     its relevance to the question
 */
public record Citation(String chunkId, String section, String text, int charStart, int charEnd, double score) {
}
