package com.talentpipeline.matching.compare;

import com.talentpipeline.core.skill.SkillVocabulary;
import com.talentpipeline.inference.vector.Vectors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides which of a job's skills a resume has, at skill level: first both names are canonicalised
 * through the shared {@link SkillVocabulary} ("JS" and "JavaScript" are one skill, "Postgres" and
 * "PostgreSQL" too); names the vocabulary does not resolve to the same skill match when the cosine of
 * their embeddings reaches the threshold (default 0.8). Measured with all-MiniLM-L6-v2 on lower-cased
 * names: "React.js"/"React" 0.88, "MS Excel"/"Excel" 0.96, "Team leadership"/"Leadership" 0.83 match;
 * "Spring Boot"/"Spring Framework" 0.72, "Machine Learning"/"Deep Learning" 0.69, "Postgres"/"MySQL"
 * 0.45, "Java"/"JavaScript" 0.40 do not. Two names the
 * vocabulary knows as different skills never match, however close their embeddings.
 */
public final class SkillMatcher {

    private final SkillVocabulary vocabulary;
    private final SkillEmbeddings embeddings;
    private final double threshold;

    public SkillMatcher(SkillVocabulary vocabulary, SkillEmbeddings embeddings, double threshold) {
        this.vocabulary = vocabulary;
        this.embeddings = embeddings;
        this.threshold = threshold;
    }

    public double threshold() {
        return threshold;
    }

    /** The display name of a skill: its canonical vocabulary name, else the name as written. */
    public String canonical(String name) {
        String c = vocabulary.canonical(name);
        return c != null ? c : name.strip();
    }

    /** A matcher bound to one resume's skills, memoising decisions per job skill (cheap full scans). */
    public ForResume forResume(List<String> resumeSkills) {
        return new ForResume(resumeSkills);
    }

    /** The decisions for one resume; not thread-safe (one per request). */
    public final class ForResume {

        private final Map<String, String> resumeByKey = new LinkedHashMap<>();
        private final Map<String, String> memo = new HashMap<>();

        ForResume(List<String> resumeSkills) {
            for (String skill : resumeSkills) {
                if (skill != null && !skill.isBlank()) {
                    resumeByKey.putIfAbsent(canonical(skill).toLowerCase(Locale.ROOT), canonical(skill));
                }
            }
            embeddings.prepare(new ArrayList<>(resumeByKey.keySet()));
        }

        /** The resume skill that covers {@code jobSkill}, or null. */
        public String match(String jobSkill) {
            String key = canonical(jobSkill).toLowerCase(Locale.ROOT);
            String hit = memo.get(key);
            if (hit == null) {
                hit = decide(key);
                memo.put(key, hit);
            }
            return hit.isEmpty() ? null : hit;
        }

        private String decide(String jobKey) {
            String exact = resumeByKey.get(jobKey);
            if (exact != null) {
                return exact;
            }
            boolean jobKnown = vocabulary.canonical(jobKey) != null;
            float[] jobVector = embeddings.of(jobKey);
            String best = "";
            double bestScore = threshold;
            for (Map.Entry<String, String> e : resumeByKey.entrySet()) {
                if (jobKnown && vocabulary.canonical(e.getKey()) != null) {
                    continue; // two different known skills (Java vs JavaScript): never the same
                }
                double score = Vectors.dot(jobVector, embeddings.of(e.getKey()));
                if (score >= bestScore) {
                    bestScore = score;
                    best = e.getValue();
                }
            }
            return best;
        }

        /** Splits the job's skills into matched and missing (canonical names, job order, no duplicates). */
        public Split split(List<String> jobSkills) {
            Map<String, Boolean> seen = new LinkedHashMap<>();
            for (String skill : jobSkills) {
                if (skill != null && !skill.isBlank()) {
                    seen.putIfAbsent(canonical(skill), match(skill) != null);
                }
            }
            List<String> matched = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            seen.forEach((name, ok) -> (ok ? matched : missing).add(name));
            return new Split(matched, missing);
        }
    }

    /**
     * @param matched job skills the resume has
     * @param missing job skills it lacks
     */
    public record Split(List<String> matched, List<String> missing) {
    }
}
