package com.talentpipeline.scoring.career;

import java.util.List;

/**
 * One career path (or a caller's own label).
 *
 * @param id          stable id (the label itself for caller labels)
 * @param name        display name
 * @param description what the path is, may be empty
 * @param skills      typical skills, may be empty
 * @param examples    labelled example resume texts (few-shot), may be empty
 */
public record CareerLabel(String id, String name, String description, List<String> skills, List<String> examples) {

    public CareerLabel {
        description = description == null ? "" : description.strip();
        skills = skills == null ? List.of() : List.copyOf(skills);
        examples = examples == null ? List.of() : List.copyOf(examples);
    }

    /** The text embedded for a zero-shot label: name, description and typical skills. */
    public String zeroShotText() {
        StringBuilder text = new StringBuilder(name);
        if (!description.isEmpty()) {
            text.append(": ").append(description);
        }
        if (!skills.isEmpty()) {
            text.append(" Typical skills: ").append(String.join(", ", skills)).append('.');
        }
        return text.toString();
    }
}
