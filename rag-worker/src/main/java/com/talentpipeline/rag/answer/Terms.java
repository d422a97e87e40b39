package com.talentpipeline.rag.answer;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Content terms for the lexical half of retrieval: lower-cased words without stop words (question
 * words and words every resume question shares, such as "candidate" or "experience"), crudely stemmed
 * so that "studied" meets "study" and "certifications" meets "certification".
 */
final class Terms {

    private static final Set<String> STOP = Set.of(
            "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "with", "by", "from", "as", "about",
            "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done", "have", "has", "had",
            "can", "could", "would", "should", "will", "shall", "may", "might", "must",
            "what", "which", "where", "when", "who", "whom", "whose", "why", "how",
            "they", "them", "their", "theirs", "he", "him", "his", "she", "her", "hers", "it", "its", "this", "that",
            "these", "those", "there", "any", "some", "all", "ever", "much", "many", "more", "most", "very",
            "candidate", "candidates", "person", "applicant", "resume", "cv",
            "experience", "experienced", "work", "worked", "working", "know", "knows", "knowledge", "use", "used",
            "using", "hold", "held", "tell", "me", "us", "you", "your", "i", "my", "we", "our", "s", "not", "no",
            "yes", "if", "so", "than", "then", "also", "just", "good", "well", "familiar", "skill", "skills",
            "year", "years", "level", "kind", "type", "get", "got");

    private Terms() {
    }

    public static Set<String> of(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}+#]+")) {
            if (word.isEmpty() || STOP.contains(word)) {
                continue;
            }
            out.add(stem(word));
        }
        return out;
    }

    private static final java.util.Map<String, String> SECTION_WORDS = java.util.Map.ofEntries(
            java.util.Map.entry("experience", "workExperience"), java.util.Map.entry("work", "workExperience"),
            java.util.Map.entry("worked", "workExperience"), java.util.Map.entry("role", "workExperience"),
            java.util.Map.entry("job", "workExperience"), java.util.Map.entry("employer", "workExperience"),
            java.util.Map.entry("company", "workExperience"), java.util.Map.entry("responsibility", "workExperience"),
            java.util.Map.entry("study", "education"), java.util.Map.entry("degree", "education"),
            java.util.Map.entry("university", "education"), java.util.Map.entry("school", "education"),
            java.util.Map.entry("education", "education"), java.util.Map.entry("graduat", "education"),
            java.util.Map.entry("certification", "certifications"), java.util.Map.entry("certificate", "certifications"),
            java.util.Map.entry("certifi", "certifications"), java.util.Map.entry("skill", "skills"),
            java.util.Map.entry("know", "skills"), java.util.Map.entry("proficient", "skills"),
            java.util.Map.entry("language", "skills"), java.util.Map.entry("framework", "skills"),
            java.util.Map.entry("tool", "skills"),
            java.util.Map.entry("summary", "summary"));

    /** Sections a question asks about by name ("where did they study" -> education), for a small boost. */
    public static Set<String> sections(String question) {
        Set<String> out = new LinkedHashSet<>();
        for (String word : question.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            String stem = stem(word);
            for (var e : SECTION_WORDS.entrySet()) {
                if (stem.equals(e.getKey()) || word.equals(e.getKey()) || stem.startsWith(e.getKey()) && e.getKey().length() >= 6) {
                    out.add(e.getValue());
                }
            }
        }
        return out;
    }

    static String stem(String w) {
        if (w.length() > 4 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 4 && w.endsWith("ied")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 5 && w.endsWith("ing")) {
            return w.substring(0, w.length() - 3);
        }
        if (w.length() > 4 && w.endsWith("ed")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }
}
