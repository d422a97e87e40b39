package com.talentpipeline.core.chunk;

import com.talentpipeline.core.resume.Resume;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Renders a resume as plain text and splits it by section and sentence: each summary sentence, each
 * skill list (at most {@code skillsPerChunk} skills), each role's title/company/dates line and each of
 * its responsibilities, each degree, each certification. A piece longer than {@code maxChars} is
 * split at whitespace. Contact details (name, e-mail, phone) are neither rendered nor indexed.
 */
public final class ResumeChunker {

    /** Sentence ends: . ! ? followed by whitespace and an upper-case letter or digit. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}\\d\"(])");

    /** Default most characters in one chunk (a longer sentence is split at whitespace). */
    public static final int DEFAULT_MAX_CHARS = 400;
    /** Default most skills in one skills chunk. */
    public static final int DEFAULT_SKILLS_PER_CHUNK = 12;

    private final int maxChars;
    private final int skillsPerChunk;

    /** A chunker with the default sizes. */
    public ResumeChunker() {
        this(DEFAULT_MAX_CHARS, DEFAULT_SKILLS_PER_CHUNK);
    }

    public ResumeChunker(int maxChars, int skillsPerChunk) {
        if (maxChars < 40) {
            throw new IllegalArgumentException("chunks must allow at least 40 characters");
        }
        if (skillsPerChunk < 1) {
            throw new IllegalArgumentException("a skills chunk holds at least one skill");
        }
        this.maxChars = maxChars;
        this.skillsPerChunk = skillsPerChunk;
    }

    public ChunkedResume chunk(Resume resume) {
        Builder b = new Builder();
        String summary = clean(resume.summary());
        if (!summary.isEmpty()) {
            b.heading("Summary");
            int n = 0;
            List<String> sentences = sentences(summary);
            for (int i = 0; i < sentences.size(); i++) {
                if (i > 0) {
                    b.text(" ");
                }
                for (String piece : split(sentences.get(i))) {
                    b.chunk("summary", "summary-" + (++n), piece, "Summary: " + piece);
                }
            }
            b.text("\n");
        }
        if (!resume.skills().isEmpty()) {
            b.heading("Skills");
            List<String> names = new ArrayList<>();
            for (Resume.Skill skill : resume.skills()) {
                String p = clean(skill.proficiency());
                names.add(clean(skill.name()) + (p.isEmpty() ? "" : " (" + p + ")"));
            }
            int n = 0;
            for (int i = 0; i < names.size(); i += skillsPerChunk) {
                String list = String.join(", ", names.subList(i, Math.min(names.size(), i + skillsPerChunk)));
                for (String piece : split("Skills: " + list)) {
                    b.chunk("skills", "skills-" + (++n), piece, piece);
                    b.text("\n");
                }
            }
        }
        if (!resume.workExperience().isEmpty()) {
            b.heading("Work experience");
            int role = 0;
            for (Resume.WorkExperience work : resume.workExperience()) {
                role++;
                String end = work.endDate() == null || work.endDate().isBlank() ? "present" : work.endDate();
                String header = clean(work.jobTitle()) + " at " + clean(work.company()) + ", " + work.startDate()
                        + " to " + end;
                String roleContext = "Work experience as " + clean(work.jobTitle()) + " at " + clean(work.company());
                int part = 0;
                for (String piece : split(header)) {
                    b.chunk("workExperience", "workExperience-" + role + "." + part++, piece,
                            "Work experience: " + piece);
                    b.text("\n");
                }
                for (String responsibility : work.responsibilities()) {
                    String r = clean(responsibility);
                    if (r.isEmpty()) {
                        continue;
                    }
                    b.text("- ");
                    for (String sentence : sentences(r)) {
                        for (String piece : split(sentence)) {
                            b.chunk("workExperience", "workExperience-" + role + "." + part++, piece,
                                    roleContext + ": " + piece);
                            b.text(" ");
                        }
                    }
                    b.trimTrailingSpace();
                    b.text("\n");
                }
            }
        }
        if (!resume.education().isEmpty()) {
            b.heading("Education");
            int n = 0;
            for (Resume.Education edu : resume.education()) {
                String line = clean(edu.degree()) + ", " + clean(edu.institution())
                        + (edu.graduationDate() == null || edu.graduationDate().isBlank() ? ""
                                : ", graduated " + edu.graduationDate());
                for (String piece : split(line)) {
                    b.chunk("education", "education-" + (++n), piece, "Education, studied: " + piece);
                    b.text("\n");
                }
            }
        }
        if (!resume.certifications().isEmpty()) {
            b.heading("Certifications");
            int n = 0;
            for (Resume.Certification cert : resume.certifications()) {
                String issuer = clean(cert.issuer());
                String line = clean(cert.name()) + (issuer.isEmpty() ? "" : ", issued by " + issuer);
                for (String piece : split(line)) {
                    b.chunk("certifications", "certifications-" + (++n), piece, "Certification: " + piece);
                    b.text("\n");
                }
            }
        }
        return new ChunkedResume(b.out.toString(), b.chunks);
    }

    /** Splits text into sentences (never empty, trimmed). */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String s : SENTENCE_END.split(text)) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    /** Splits a piece longer than maxChars at whitespace (hard split when a word is longer). */
    List<String> split(String text) {
        List<String> out = new ArrayList<>();
        String rest = text;
        while (rest.length() > maxChars) {
            int cut = rest.lastIndexOf(' ', maxChars);
            if (cut <= 0) {
                cut = maxChars;
            }
            out.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty()) {
            out.add(rest);
        }
        return out;
    }

    private static String clean(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    /** Appends text and records chunk offsets. */
    private static final class Builder {
        private final StringBuilder out = new StringBuilder();
        private final List<Chunk> chunks = new ArrayList<>();

        void heading(String title) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(title.toUpperCase(java.util.Locale.ROOT)).append('\n');
        }

        void text(String s) {
            out.append(s);
        }

        void trimTrailingSpace() {
            while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
                out.setLength(out.length() - 1);
            }
        }

        void chunk(String section, String id, String text, String context) {
            int start = out.length();
            out.append(text);
            chunks.add(new Chunk(id, section, text, start, out.length(), context));
        }
    }

    /** For tests: whether every chunk's text is the substring it points at. */
    static boolean consistent(ChunkedResume resume) {
        for (Chunk c : resume.chunks()) {
            if (!resume.text().substring(c.charStart(), c.charEnd()).equals(c.text())) {
                return false;
            }
        }
        return true;
    }

}
