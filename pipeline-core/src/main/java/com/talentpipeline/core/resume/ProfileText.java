package com.talentpipeline.core.resume;

/**
 * The professional content of a resume as one prose text: what the profile vector (career paths,
 * matching) is the encoding of. No name, e-mail or phone, so nothing personal reaches the model or the
 * logs. The embedding worker encodes it once per resume version; the scoring worker reads the same
 * text for its lexical evidence, so both must render it here.
 */
public final class ProfileText {

    private ProfileText() {
    }

    /** Summary, roles with their responsibilities, skills, education and certifications, as prose. */
    public static String of(Resume resume) {
        StringBuilder text = new StringBuilder();
        if (resume.summary() != null && !resume.summary().isBlank()) {
            text.append(resume.summary().strip()).append('\n');
        }
        for (Resume.WorkExperience role : resume.workExperience()) {
            text.append(role.jobTitle()).append(" at ").append(role.company()).append(". ");
            for (String r : role.responsibilities()) {
                text.append(r.strip()).append(r.strip().endsWith(".") ? " " : ". ");
            }
            text.append('\n');
        }
        if (!resume.skills().isEmpty()) {
            text.append("Skills: ");
            text.append(String.join(", ", resume.skills().stream().map(Resume.Skill::name).toList())).append(".\n");
        }
        for (Resume.Education e : resume.education()) {
            text.append(e.degree()).append(", ").append(e.institution()).append(".\n");
        }
        for (Resume.Certification c : resume.certifications()) {
            text.append("Certification: ").append(c.name()).append(".\n");
        }
        return text.toString().strip();
    }
}
