package com.talentpipeline.rag.answer;

/** A chunk an answer rests on, with its place in the rendered resume text and its relevance. */
public record Citation(String chunkId, String section, String text, int charStart, int charEnd, double score) {
}
