package com.talentpipeline.ingest.document;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Resume sections and the many headings people give them. */
enum Section {
    SUMMARY, SKILLS, EXPERIENCE, EDUCATION, CERTIFICATIONS, OTHER;

    private static final Map<Section, List<String>> HEADINGS = Map.of(
            SUMMARY, List.of("summary", "professional summary", "profile", "professional profile", "about me",
                    "about", "objective", "career objective", "overview", "personal statement"),
            SKILLS, List.of("skills", "technical skills", "key skills", "core skills", "core competencies",
                    "competencies", "technologies", "tech stack", "tools and technologies", "tools & technologies",
                    "skills & tools", "skills and tools", "expertise", "areas of expertise"),
            EXPERIENCE, List.of("experience", "work experience", "professional experience", "employment",
                    "employment history", "work history", "career history", "relevant experience", "career"),
            EDUCATION, List.of("education", "academic background", "education and training", "academics",
                    "education & training"),
            CERTIFICATIONS, List.of("certifications", "certification", "certificates", "licenses and certifications",
                    "licenses & certifications", "licences & certifications", "courses and certifications",
                    "courses & certifications"),
            OTHER, List.of("projects", "languages", "interests", "hobbies", "references", "awards", "publications",
                    "volunteering", "volunteer experience", "additional information"));

    /** The section a line opens when it is a heading ("WORK EXPERIENCE", "Skills:", "== Education =="). */
    static Optional<Section> heading(Line line) {
        if (line.bullet() || line.text().length() > 40) {
            return Optional.empty();
        }
        String key = line.text().toLowerCase(Locale.ROOT)
                .replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "")
                .replaceAll("\\s+", " ");
        for (var entry : HEADINGS.entrySet()) {
            if (entry.getValue().contains(key)) {
                return Optional.of(entry.getKey());
            }
        }
        return Optional.empty();
    }
}
