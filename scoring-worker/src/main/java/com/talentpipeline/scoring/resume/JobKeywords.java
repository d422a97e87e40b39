package com.talentpipeline.scoring.resume;

import com.talentpipeline.core.job.Job;
import com.talentpipeline.core.skill.SkillVocabulary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The keywords of a job: its listed skills (canonical names where the shared vocabulary knows them) and
 * every vocabulary skill its title, requirements and description mention.
 */
public final class JobKeywords {

    private final SkillVocabulary vocabulary;

    public JobKeywords(SkillVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** The job's keywords, first mention first, without duplicates (case-insensitive). */
    public List<String> of(Job job) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Job.JobSkill s : job.skills()) {
            String canonical = vocabulary.canonical(s.name());
            String name = canonical == null ? s.name().strip() : canonical;
            out.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
        }
        String text = job.title() + "\n" + String.join("\n", job.requirements()) + "\n"
                + (job.description() == null ? "" : job.description());
        for (SkillVocabulary.Match m : vocabulary.find(text, 0, text.length())) {
            out.putIfAbsent(m.skill().toLowerCase(Locale.ROOT), m.skill());
        }
        return List.copyOf(out.values());
    }

    /** Whether the resume text mentions the keyword, by the vocabulary (aliases count) or literally. */
    public boolean mentioned(String keyword, String resumeText, List<String> resumeSkills) {
        String lower = keyword.toLowerCase(Locale.ROOT);
        for (String s : resumeSkills) {
            String canonical = vocabulary.canonical(s);
            if (lower.equals(s.strip().toLowerCase(Locale.ROOT))
                    || (canonical != null && lower.equals(canonical.toLowerCase(Locale.ROOT)))) {
                return true;
            }
        }
        for (SkillVocabulary.Match m : vocabulary.find(resumeText, 0, resumeText.length())) {
            if (m.skill().equalsIgnoreCase(keyword)) {
                return true;
            }
        }
        return resumeText.toLowerCase(Locale.ROOT).contains(lower);
    }
}
