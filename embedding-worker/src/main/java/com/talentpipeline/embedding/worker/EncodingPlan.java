package com.talentpipeline.embedding.worker;

import com.talentpipeline.core.chunk.ChunkedResume;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every text one document version needs encoded, grouped by what the vectors are for. Its JSON is what
 * the cache key hashes: the same texts give the same vectors under the same model.
 *
 * @param sections    section name to its items' texts (pooled into one mean vector per section)
 * @param skillTexts  skill key to the text encoded for it
 * @param profileText the resume's profile text (career paths), or null (jobs)
 * @param chunks      the resume's retrieval chunks (their contexts are encoded), or null (jobs)
 */
public record EncodingPlan(Map<String, List<String>> sections, Map<String, String> skillTexts, String profileText,
        ChunkedResume chunks) {

    public EncodingPlan {
        // Insertion order matters: it is the order of the hashed JSON and of the published sections.
        sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
        skillTexts = Collections.unmodifiableMap(new LinkedHashMap<>(skillTexts));
    }

    /** Whether there is nothing to encode (no section has an item). */
    public boolean isEmpty() {
        return sections.isEmpty();
    }

    /** The distinct texts to encode, in first-seen order (a skill is usually also a skills-section item). */
    public List<String> distinctTexts() {
        Set<String> texts = new LinkedHashSet<>();
        addTo(texts);
        return new ArrayList<>(texts);
    }

    /** Adds this plan's texts to a batch-wide set, so texts shared by documents are encoded once. */
    public void addTo(Set<String> texts) {
        sections.values().forEach(texts::addAll);
        texts.addAll(skillTexts.values());
        if (profileText != null && !profileText.isBlank()) {
            texts.add(profileText);
        }
        if (chunks != null) {
            chunks.chunks().forEach(c -> texts.add(c.context()));
        }
    }
}
