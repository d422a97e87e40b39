package com.talentpipeline.scoring.resume;

import com.talentpipeline.core.resume.Resume;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Text views of a structured resume: the professional content the model embeds (no name, e-mail or
 * phone, so nothing personal reaches the model or the logs), and the responsibilities the ATS reads.
 */
public final class ResumeText {

    static final Pattern NUMBER = Pattern.compile("\\d");

    private ResumeText() {
    }

    /** Summary, roles with their responsibilities, skills, education and certifications, as prose. */
    public static String professional(Resume resume) {
        // One rendering for the whole pipeline: the embedding worker encodes exactly this text.
        return com.talentpipeline.core.resume.ProfileText.of(resume);
    }

    /** Every responsibility line of every role. */
    public static List<String> responsibilities(Resume resume) {
        List<String> out = new ArrayList<>();
        resume.workExperience().forEach(r -> out.addAll(r.responsibilities()));
        return out;
    }

    /** Whether the line states a number (a count, a percentage, an amount). */
    public static boolean quantified(String line) {
        return NUMBER.matcher(line).find();
    }

    /** Words in the text. */
    public static int words(String text) {
        String s = text.strip();
        return s.isEmpty() ? 0 : s.split("\\s+").length;
    }
}
