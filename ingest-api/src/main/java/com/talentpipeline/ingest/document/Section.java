package com.talentpipeline.ingest.document;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Resume sections and the many headings people give them. */
enum Section {
    SUMMARY, SKILLS, EXPERIENCE, EDUCATION, CERTIFICATIONS, OTHER;

    private static final Map<Section, List<String>> HEADINGS = Map.of(
            SUMMARY, List.of("summary", "professional summary", "profile", "professional profile", "about me",
                    "about", "objective", "career objective", "overview", "personal statement", "profile summary",
                    "career summary", "executive summary", "summary of experience", "career profile",
                    "professional objective", "objectives", "career objectives", "brief profile"),
            SKILLS, List.of("skills", "technical skills", "key skills", "core skills", "core competencies",
                    "competencies", "technologies", "tech stack", "tools and technologies", "tools & technologies",
                    "skills & tools", "skills and tools", "expertise", "areas of expertise", "skill details",
                    "skill set", "skillset", "skills set", "it skills", "technical skill", "technical skill set",
                    "technical expertise", "technical proficiency", "software skills", "computer skills",
                    "professional skills", "primary skills", "skills summary", "technical skills summary",
                    "key competencies", "soft skills", "skill", "technical summary", "key skills and competencies"),
            EXPERIENCE, List.of("experience", "work experience", "professional experience", "employment",
                    "employment history", "work history", "career history", "relevant experience", "career",
                    "company details", "experience details", "employment details", "work details",
                    "professional background", "organisational experience", "organizational experience",
                    "work experience details", "professional experience details", "job history", "experiences",
                    "internship", "internships", "industrial experience", "total experience"),
            EDUCATION, List.of("education", "academic background", "education and training", "academics",
                    "education & training", "education details", "educational details", "educational qualification",
                    "educational qualifications", "academic qualification", "academic qualifications",
                    "qualification", "qualifications", "academic details", "academic profile", "scholastic profile",
                    "education qualification", "academic credentials", "educational background"),
            CERTIFICATIONS, List.of("certifications", "certification", "certificates", "licenses and certifications",
                    "licenses & certifications", "licences & certifications", "courses and certifications",
                    "courses & certifications", "certification details", "certifications and trainings"),
            OTHER, List.of("projects", "languages", "interests", "hobbies", "references", "awards", "publications",
                    "volunteering", "volunteer experience", "additional information", "personal details",
                    "personal information", "project details", "projects undertaken", "achievements",
                    "extra curricular activities", "declaration", "personal profile", "strengths", "links",
                    "academic projects", "key projects", "trainings", "training", "accomplishments"));

    /** "Key Skills: Java, SQL" or "Education Details -" : a known heading, a separator, maybe content. */
    private static final Pattern WITH_CONTENT = Pattern.compile("^([\\p{L}][\\p{L} &/]{1,40}?)\\s*[:：]\\s*(.*)$");

    /** The section a line opens when it is a heading ("WORK EXPERIENCE", "Skills:", "== Education =="). */
    static Optional<Section> heading(Line line) {
        if (line.bullet() || line.text().length() > 45) {
            return Optional.empty();
        }
        return lookup(line.text());
    }

    /**
     * A heading followed on the same line by content ("KEY SKILLS: C, C++, Python"): the section and
     * the content as its own line, or empty. Only headings whose name is in the list count, so a
     * label line such as "Designation: Engineer" is not mistaken for one.
     */
    static Optional<Headed> headingWithContent(Line line) {
        if (line.bullet()) {
            return Optional.empty();
        }
        Matcher m = WITH_CONTENT.matcher(line.text());
        if (!m.matches() || m.group(2).isBlank()) {
            return Optional.empty();
        }
        return lookup(m.group(1)).map(section -> new Headed(section, line.rest(m.start(2))));
    }

    private static Optional<Section> lookup(String text) {
        String key = text.toLowerCase(Locale.ROOT)
                .replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "")
                .replaceAll("\\s+", " ");
        for (var entry : HEADINGS.entrySet()) {
            if (entry.getValue().contains(key)) {
                return Optional.of(entry.getKey());
            }
        }
        return Optional.empty();
    }

    /** A heading line that also carries the section's first content. */
    record Headed(Section section, Line content) {
    }
}
