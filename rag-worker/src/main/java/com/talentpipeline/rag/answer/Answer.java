package com.talentpipeline.rag.answer;

import com.talentpipeline.core.rag.Citation;
import java.util.List;

/**
 * An answer to one question.
 *
 * @param response       the answer text, or {@link #REFUSAL}
 * @param citations      the chunks it rests on
 * @param answered       false when the resume does not say
 * @param mode           extractive or generative
 * @param fallbackReason why a configured generative answer was not used, else null
 * @param resumeVersion  the indexed version that was asked
 * @param topScore       relevance of the best chunk (cosine plus lexical share)
 */
public record Answer(String response, List<Citation> citations, boolean answered, String mode, String fallbackReason,
        int resumeVersion, double topScore) {

    public static final String REFUSAL = "The resume does not say.";
    public static final String EXTRACTIVE = "extractive";
    public static final String GENERATIVE = "generative";
}
