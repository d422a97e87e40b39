package com.talentpipeline.bench.quality;

import com.talentpipeline.inference.model.ModelInfo;
import com.talentpipeline.inference.text.TextEncoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Remembers the vector of every text (and every query) it embedded: the leave-one-out evaluation
 * builds a label set per resume from the same example texts, which the model then embeds once.
 */
final class MemoEncoder implements TextEncoder {

    private final TextEncoder delegate;
    private final Map<String, float[]> passages = new HashMap<>();
    private final Map<String, float[]> queries = new HashMap<>();

    MemoEncoder(TextEncoder delegate) {
        this.delegate = delegate;
    }

    @Override
    public ModelInfo info() {
        return delegate.info();
    }

    @Override
    public synchronized float[][] embed(List<String> texts) {
        return memo(texts, passages, false);
    }

    @Override
    public synchronized float[][] embedQueries(List<String> texts) {
        return memo(texts, queries, true);
    }

    private float[][] memo(List<String> texts, Map<String, float[]> memo, boolean query) {
        List<String> missing = new ArrayList<>(new LinkedHashSet<>(texts.stream().filter(t -> !memo.containsKey(t)).toList()));
        if (!missing.isEmpty()) {
            float[][] rows = query ? delegate.embedQueries(missing) : delegate.embed(missing);
            for (int i = 0; i < missing.size(); i++) {
                memo.put(missing.get(i), rows[i]);
            }
        }
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = memo.get(texts.get(i));
        }
        return out;
    }

    @Override
    public void close() {
        delegate.close();
    }
}
