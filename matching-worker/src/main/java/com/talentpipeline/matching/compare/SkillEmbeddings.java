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
 * Vectors of skill names, kept in memory by key ({@link com.talentpipeline.core.skill.SkillKeys#key}):
 * the set of distinct skills is small (thousands). The skills of stored resumes and jobs are learned from
 * {@code resume.embedded} / {@code job.embedded} ({@link #learn}), where the embedding worker published
 * them: this worker does not encode them again. Only a name no event brought (a skill typed into a
 * comparison request) is encoded here, once per process.
 */
public final class SkillEmbeddings {

    private static final int MAX_ENTRIES = 200_000;

    private final TextEncoder encoder;
    private final Map<String, float[]> vectors = new ConcurrentHashMap<>();

    public SkillEmbeddings(TextEncoder encoder) {
        this.encoder = encoder;
    }

    /**
     * Takes the skill vectors an event published, when they come from this worker's model (vectors of two
     * models are never compared); returns how many were taken.
     */
    public int learn(String modelVersion, Map<String, float[]> published) {
        if (published == null || published.isEmpty() || !encoder.info().version().equals(modelVersion)) {
            return 0;
        }
        if (vectors.size() + published.size() > MAX_ENTRIES) {
            vectors.clear(); // bounded memory; names are re-learned from later events or encoded on demand
        }
        published.forEach((name, vector) -> vectors.put(key(name), vector));
        return published.size();
    }

    /** Whether a vector is held for the name. */
    public boolean knows(String name) {
        return vectors.containsKey(key(name));
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
