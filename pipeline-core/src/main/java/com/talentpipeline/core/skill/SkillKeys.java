package com.talentpipeline.core.skill;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a skill name is identified across services: its key is the lower-cased canonical name (the
 * vocabulary's name when it knows the skill, else the name as written), so "JS", "js" and "JavaScript"
 * share one key. The embedding worker publishes one vector per key; the matching worker looks skills up
 * by the same key, so the two must agree, and both use this class.
 */
public final class SkillKeys {

    private final SkillVocabulary vocabulary;

    public SkillKeys(SkillVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** Keys over the default vocabulary. */
    public static SkillKeys defaults() {
        return new SkillKeys(SkillVocabulary.defaults());
    }

    /** The display name: the canonical vocabulary name, else the name as written (stripped). */
    public String canonical(String name) {
        String c = vocabulary.canonical(name);
        return c != null ? c : name.strip();
    }

    /** The key of a name; empty for a blank one. */
    public String key(String name) {
        return name == null ? "" : canonical(name).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The text to encode for each distinct key of the names, in first-seen order: the name as written
     * when it is its own canonical form (up to case), else the canonical name. Encoding the name as
     * written lets it share one model call with the skills section, which lists the names as written.
     */
    public Map<String, String> textsByKey(List<String> names) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : names) {
            if (name == null || name.isBlank()) {
                continue;
            }
            String canonical = canonical(name);
            String key = canonical.toLowerCase(Locale.ROOT);
            out.putIfAbsent(key, canonical.equalsIgnoreCase(name.strip()) ? name : canonical);
        }
        return out;
    }
}
