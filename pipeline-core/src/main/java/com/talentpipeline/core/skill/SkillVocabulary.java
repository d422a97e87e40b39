package com.talentpipeline.core.skill;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The skills the parser recognises, with aliases ({@code k8s -> Kubernetes}), loaded from the
 * {@code skills/skills.txt} resource (pipeline-core) so the list grows without code changes. Shared by
 * the document parser, the ATS scorer and the matcher, so "JS" means JavaScript everywhere.
 */
public final class SkillVocabulary {

    private static final SkillVocabulary DEFAULT = load("/skills/skills.txt");

    /** One alternation over every name and alias, longest first so "Spring Boot" wins over "Spring". */
    private final Pattern pattern;
    private final Map<String, String> canonicalByTerm;

    private SkillVocabulary(Map<String, String> canonicalByTerm) {
        this.canonicalByTerm = canonicalByTerm;
        List<String> terms = new ArrayList<>(canonicalByTerm.keySet());
        terms.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder alternation = new StringBuilder();
        for (String term : terms) {
            alternation.append(alternation.isEmpty() ? "" : "|").append(Pattern.quote(term));
        }
        // Custom word boundaries: "C++" and "C#" end in non-word characters, so \b would not do.
        this.pattern = Pattern.compile("(?<![\\p{Alnum}+#])(?:" + alternation + ")(?![\\p{Alnum}+#])",
                Pattern.CASE_INSENSITIVE);
    }

    /** The vocabulary shipped with the service. */
    public static SkillVocabulary defaults() {
        return DEFAULT;
    }

    static SkillVocabulary load(String resource) {
        Map<String, String> terms = new LinkedHashMap<>();
        try (InputStream in = SkillVocabulary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(":", 2);
                String canonical = parts[0].strip();
                terms.put(canonical.toLowerCase(Locale.ROOT), canonical);
                if (parts.length == 2) {
                    for (String alias : parts[1].split(",")) {
                        if (!alias.isBlank()) {
                            terms.put(alias.strip().toLowerCase(Locale.ROOT), canonical);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SkillVocabulary(terms);
    }

    /** The canonical name of a term or alias, or null if unknown. */
    public String canonical(String term) {
        return term == null ? null : canonicalByTerm.get(term.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Every skill mentioned in {@code text[from, to)}, first mention of each canonical name only.
     *
     * @return matches in order of first mention, with spans relative to {@code text}
     */
    public List<Match> find(String text, int from, int to) {
        Matcher m = pattern.matcher(text).region(from, to);
        Map<String, Match> found = new LinkedHashMap<>();
        while (m.find()) {
            String canonical = canonicalByTerm.get(m.group().toLowerCase(Locale.ROOT));
            if (canonical != null) {
                found.putIfAbsent(canonical, new Match(canonical, m.start(), m.end()));
            }
        }
        return List.copyOf(found.values());
    }

    /**
     * A mention.
     *
     * @param skill canonical name
     * @param start first character in the text
     * @param end   one past the last character
     */
    public record Match(String skill, int start, int end) {
    }
}
