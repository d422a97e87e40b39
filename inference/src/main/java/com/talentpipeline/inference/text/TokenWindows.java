package com.talentpipeline.inference.text;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits texts that exceed the model's token limit into windows on token (and, where possible, word)
 * boundaries, mapped back to substrings of the original text via the tokenizer's char spans.
 *
 * <p>Windows are substrings rather than decoded ids so the model sees the original characters
 * (casing, accents, punctuation) exactly as a short text would be seen.
 */
final class TokenWindows {

    /** One model input: a whole short text or a window of a long one. */
    record Window(String text, int tokens) {
    }

    /** Tokenizer without truncation/padding, so it reports the true length of any text. */
    private final HuggingFaceTokenizer counter;
    private final int specialTokens;
    private final int maxTokens;

    /**
     * @param counter   tokenizer configured without truncation and padding; owned by the caller
     * @param maxTokens token limit per model input, special tokens included
     */
    TokenWindows(HuggingFaceTokenizer counter, int maxTokens) {
        this.counter = counter;
        this.maxTokens = maxTokens;
        // Derived rather than hard-coded: [CLS]/[SEP] for BERT, <s>/</s> for MPNet/RoBERTa.
        this.specialTokens = counter.encode("a", true, false).getIds().length
                - counter.encode("a", false, false).getIds().length;
        if (maxTokens - specialTokens < 1) {
            throw new IllegalArgumentException(
                    "maxTokens " + maxTokens + " leaves no room next to " + specialTokens + " special tokens");
        }
    }

    /** @return tokens a single model input spends on special tokens */
    int specialTokens() {
        return specialTokens;
    }

    /**
     * @param text text to split
     * @return the text itself when it fits, else consecutive windows that each fit
     */
    List<Window> split(String text) {
        Encoding encoding = counter.encode(text, false, false);
        int n = encoding.getIds().length;
        if (n + specialTokens <= maxTokens) {
            return List.of(new Window(text, n + specialTokens));
        }
        CharSpan[] spans = encoding.getCharTokenSpans();
        long[] wordIds = encoding.getWordIds();
        Utf16Index index = Utf16Index.of(text);
        int budget = maxTokens - specialTokens;
        List<Window> windows = new ArrayList<>(n / budget + 1);
        int from = 0;
        while (from < n) {
            int to = Math.min(from + budget, n);
            if (to < n) {
                // Back off so a word is not cut in half; keep the hard cut only if one word fills the window.
                int t = to;
                while (t > from && wordIds[t] >= 0 && wordIds[t] == wordIds[t - 1]) {
                    t--;
                }
                if (t > from) {
                    to = t;
                }
            }
            int start = index.toUtf16(spans[from].getStart());
            int end = index.toUtf16(spans[to - 1].getEnd());
            windows.add(new Window(text.substring(start, end), to - from + specialTokens));
            from = to;
        }
        return windows;
    }

    /**
     * Maps the tokenizer's Unicode code point offsets to Java UTF-16 indices; identity unless the text
     * has supplementary characters (emoji, some CJK), where the two differ.
     */
    private static final class Utf16Index {
        private static final Utf16Index IDENTITY = new Utf16Index(null);
        private final int[] utf16ByCodePoint;

        private Utf16Index(int[] utf16ByCodePoint) {
            this.utf16ByCodePoint = utf16ByCodePoint;
        }

        static Utf16Index of(String text) {
            int cps = text.codePointCount(0, text.length());
            if (cps == text.length()) {
                return IDENTITY;
            }
            int[] map = new int[cps + 1];
            int utf16 = 0;
            for (int cp = 0; cp < cps; cp++) {
                map[cp] = utf16;
                utf16 += Character.charCount(text.codePointAt(utf16));
            }
            map[cps] = utf16;
            return new Utf16Index(map);
        }

        int toUtf16(int codePointOffset) {
            return utf16ByCodePoint == null ? codePointOffset : utf16ByCodePoint[codePointOffset];
        }
    }
}
