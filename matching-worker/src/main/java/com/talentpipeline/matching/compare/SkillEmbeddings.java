package com.talentpipeline.matching.compare;

import com.talentpipeline.inference.text.TextEncoder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Embeddings of skill names by the worker's text model, kept in memory: the set of distinct skill
 * names is small (thousands), so each name is embedded once per process. Keys are lower-cased.
 */
public final class SkillEmbeddings {

    private static final int MAX_ENTRIES = 200_000;

    private final TextEncoder encoder;
    private final Map<String, float[]> vectors = new ConcurrentHashMap<>();

    public SkillEmbeddings(TextEncoder encoder) {
        this.encoder = encoder;
    }

    /** Embeds, in one model call, the names not seen before. */
    public void prepare(List<String> names) {
        Set<String> missing = new LinkedHashSet<>();
        for (String name : names) {
            String key = key(name);
            if (!key.isEmpty() && !vectors.containsKey(key)) {
                missing.add(key);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        if (vectors.size() + missing.size() > MAX_ENTRIES) {
            vectors.clear(); // bounded memory; names are re-embedded on demand
        }
        List<String> texts = new ArrayList<>(missing);
        float[][] rows = encoder.embed(texts);
        for (int i = 0; i < texts.size(); i++) {
            vectors.put(texts.get(i), rows[i]);
        }
    }

    /** The vector of a name, embedding it if needed. */
    public float[] of(String name) {
        String key = key(name);
        float[] v = vectors.get(key);
        if (v == null) {
            prepare(List.of(name));
            v = vectors.get(key);
        }
        return v;
    }

    static String key(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }
}
