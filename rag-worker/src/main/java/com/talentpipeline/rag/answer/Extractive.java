package com.talentpipeline.rag.answer;

import com.talentpipeline.core.rag.Citation;
import java.util.List;

/** The extractive answer: the best-supported retrieved sentences, in relevance order, each cited. */
final class Extractive {

    private Extractive() {
    }

    public static String compose(List<Citation> citations, int maxSentences) {
        StringBuilder out = new StringBuilder();
        for (Citation c : citations.subList(0, Math.min(maxSentences, citations.size()))) {
            if (out.length() > 0) {
                out.append(' ');
            }
            String text = c.text().strip();
            out.append(text);
            if (!text.endsWith(".") && !text.endsWith("!") && !text.endsWith("?")) {
                out.append('.');
            }
            out.append(" [").append(c.chunkId()).append(']');
        }
        return out.toString();
    }
}
