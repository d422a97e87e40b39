package com.talentpipeline.matching.compare;

import com.talentpipeline.core.job.Job;
import com.talentpipeline.core.job.JobEmbeddings;
import com.talentpipeline.core.resume.ExperienceCalculator;
import com.talentpipeline.core.resume.Resume;
import com.talentpipeline.inference.text.TextEncoder;
import com.talentpipeline.inference.vector.Vectors;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds profiles straight from content with the real text model, where no embedding worker is in the
 * loop (the benchmark and tests): each section is the normalised mean of its items' embeddings, with the
 * same section texts the embedding worker uses (title; skill names; requirements; level; description;
 * summary; "title at company. responsibilities" per role).
 */
public final class ProfileEmbedder {

    private final TextEncoder encoder;

    public ProfileEmbedder(TextEncoder encoder) {
        this.encoder = encoder;
    }

    /** The section vectors of a job. */
    public Map<String, float[]> jobSections(Job job) {
        return embed(sectionTexts(job));
    }

    /**
     * The section vectors of many jobs, each distinct text embedded once (titles, skills and
     * requirements repeat across jobs), in model batches.
     */
    public List<Map<String, float[]>> jobSections(List<Job> jobs) {
        Map<String, float[]> byText = new LinkedHashMap<>();
        List<Map<String, List<String>>> all = new ArrayList<>();
        for (Job job : jobs) {
            Map<String, List<String>> sections = sectionTexts(job);
            sections.values().forEach(items -> items.forEach(t -> byText.put(t, null)));
            all.add(sections);
        }
        List<String> texts = new ArrayList<>(byText.keySet());
        float[][] rows = texts.isEmpty() ? new float[0][] : encoder.embed(texts);
        for (int i = 0; i < texts.size(); i++) {
            byText.put(texts.get(i), rows[i]);
        }
        List<Map<String, float[]>> out = new ArrayList<>();
        for (Map<String, List<String>> sections : all) {
            Map<String, float[]> vectors = new LinkedHashMap<>();
            sections.forEach((name, items) -> {
                if (!items.isEmpty()) {
                    vectors.put(name, Vectors.normalisedMean(items.stream().map(byText::get).toList()));
                }
            });
            out.add(vectors);
        }
        return out;
    }

    private static Map<String, List<String>> sectionTexts(Job job) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        sections.put("jobTitle", List.of(job.title()));
        sections.put("skills", job.skills().stream().map(Job.JobSkill::name).toList());
        sections.put("requirements", job.requirements());
        sections.put("experienceLevel", List.of(job.experienceLevel().label() + " level position"));
        sections.put("description", job.description() == null ? List.of() : List.of(job.description()));
        return sections;
    }

    /** A job profile (content hash = the id, as there is no stored row). */
    public JobProfile job(String jobId, String tenantId, Job job) {
        return job(jobId, tenantId, job, jobSections(job));
    }

    /** A job profile over precomputed section vectors. */
    public static JobProfile job(String jobId, String tenantId, Job job, Map<String, float[]> sections) {
        var facts = new JobEmbeddings.Facts(job.title(), job.company(), job.location(), job.experienceLevel(), job.status(),
                Boolean.TRUE.equals(job.remote()));
        return JobProfile.of(jobId, tenantId, 1, jobId, facts, job.skills().stream().map(Job.JobSkill::name).toList(),
                sections);
    }

    /** A resume profile. */
    public ResumeProfile resume(String resumeId, String tenantId, Resume resume) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        sections.put("summary", resume.summary() == null ? List.of() : List.of(resume.summary()));
        sections.put("skills", resume.skills().stream().map(Resume.Skill::name).toList());
        List<String> roles = new ArrayList<>();
        for (Resume.WorkExperience role : resume.workExperience()) {
            StringBuilder text = new StringBuilder(role.jobTitle()).append(" at ").append(role.company());
            role.responsibilities().forEach(r -> text.append(". ").append(r.trim()));
            roles.add(text.toString());
        }
        sections.put("workExperience", roles);
        double years = ExperienceCalculator.totalYears(resume.workExperience(), YearMonth.now());
        return new ResumeProfile(resumeId, tenantId, 1, resumeId,
                resume.skills().stream().map(Resume.Skill::name).toList(), years, embed(sections));
    }

    private Map<String, float[]> embed(Map<String, List<String>> sections) {
        List<String> texts = new ArrayList<>();
        sections.values().forEach(texts::addAll);
        float[][] rows = texts.isEmpty() ? new float[0][] : encoder.embed(texts);
        Map<String, float[]> out = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, List<String>> e : sections.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            List<float[]> items = new ArrayList<>();
            for (int j = 0; j < e.getValue().size(); j++) {
                items.add(rows[i++]);
            }
            out.put(e.getKey(), Vectors.normalisedMean(items));
        }
        return out;
    }
}
