package com.talentpipeline.embedding.section;

import com.talentpipeline.core.job.Job;
import com.talentpipeline.core.resume.Resume;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The texts each section contributes, one per item. Names, e-mails and phone numbers are never
 * embedded: they carry no meaning for matching and must not influence it (or the cache key).
 */
public final class Sections {

    private Sections() {
    }

    /** summary, skills, workExperience, education, certifications; empty sections left out. */
    public static Map<String, List<String>> ofResume(Resume resume) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        put(sections, "summary", resume.summary() == null ? List.of() : List.of(resume.summary()));
        put(sections, "skills", map(resume.skills(), Resume.Skill::name));
        put(sections, "workExperience", map(resume.workExperience(), Sections::role));
        put(sections, "education", map(resume.education(), e -> e.degree() + ", " + e.institution()));
        put(sections, "certifications", map(resume.certifications(),
                c -> c.issuer() == null || c.issuer().isBlank() ? c.name() : c.name() + " (" + c.issuer() + ")"));
        return sections;
    }

    /** jobTitle, skills, requirements, experienceLevel, location, description; empty ones left out. */
    public static Map<String, List<String>> ofJob(Job job) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        put(sections, "jobTitle", List.of(job.title()));
        put(sections, "skills", map(job.skills(), Job.JobSkill::name));
        put(sections, "requirements", job.requirements());
        put(sections, "experienceLevel", List.of(job.experienceLevel().label() + " level position"));
        String location = job.location() == null ? "" : job.location().trim();
        if (Boolean.TRUE.equals(job.remote())) {
            location = location.isEmpty() ? "Remote" : location + " (remote)";
        }
        put(sections, "location", location.isEmpty() ? List.of() : List.of(location));
        put(sections, "description", job.description() == null ? List.of() : List.of(job.description()));
        return sections;
    }

    private static String role(Resume.WorkExperience role) {
        StringBuilder text = new StringBuilder(role.jobTitle()).append(" at ").append(role.company());
        for (String responsibility : role.responsibilities()) {
            text.append(". ").append(responsibility.trim());
        }
        return text.toString();
    }

    private static <T> List<String> map(List<T> items, Function<T, String> text) {
        List<String> out = new ArrayList<>(items.size());
        items.forEach(i -> out.add(text.apply(i)));
        return out;
    }

    private static void put(Map<String, List<String>> sections, String name, List<String> items) {
        List<String> kept = items.stream().filter(s -> s != null && !s.isBlank()).toList();
        if (!kept.isEmpty()) {
            sections.put(name, kept);
        }
    }
}
