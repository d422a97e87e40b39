package com.talentpipeline.scoring.resume;

import com.talentpipeline.core.resume.Resume;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The labelled resume set in {@code labelled/resumes.txt}: realistic resumes written for these tests, with their career path. */
public final class LabelledResumes {

    /** A resume and its career-path id. */
    public record Labelled(String label, Resume resume) {
    }

    private LabelledResumes() {
    }

    public static List<Labelled> all() {
        String text;
        try (InputStream in = LabelledResumes.class.getResourceAsStream("/labelled/resumes.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<Labelled> out = new ArrayList<>();
        String[] blocks = text.split("(?m)^## ");
        for (int b = 1; b < blocks.length; b++) {
            String[] lines = blocks[b].split("\n");
            String label = lines[0].strip();
            String phone = null;
            String summary = null;
            List<Resume.Skill> skills = new ArrayList<>();
            List<Resume.WorkExperience> roles = new ArrayList<>();
            List<Resume.Education> education = new ArrayList<>();
            List<Resume.Certification> certs = new ArrayList<>();
            String[] role = null;
            List<String> duties = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.startsWith("phone: ")) {
                    phone = line.substring(7);
                } else if (line.startsWith("summary: ")) {
                    summary = line.substring(9);
                } else if (line.startsWith("skills: ")) {
                    for (String s : line.substring(8).split(",\\s*")) {
                        String[] p = s.split(":");
                        skills.add(new Resume.Skill(p[0].strip(), p.length > 1 ? p[1].strip() : null));
                    }
                } else if (line.startsWith("role: ")) {
                    if (role != null) {
                        roles.add(new Resume.WorkExperience(role[0], role[1], role[2], role[3], duties));
                    }
                    role = split(line.substring(6));
                    duties = new ArrayList<>();
                } else if (line.startsWith("- ")) {
                    duties.add(line.substring(2));
                } else if (line.startsWith("edu: ")) {
                    String[] e = split(line.substring(5));
                    education.add(new Resume.Education(e[0], e[1], e[2]));
                } else if (line.startsWith("cert: ")) {
                    String[] c = split(line.substring(6));
                    certs.add(new Resume.Certification(c[0], c.length > 1 ? c[1] : null));
                }
            }
            if (role != null) {
                roles.add(new Resume.WorkExperience(role[0], role[1], role[2], role[3], duties));
            }
            String who = "person" + b;
            out.add(new Labelled(label, new Resume("Test", "Person " + b, who + "@example.com", phone, summary, skills,
                    roles, education, certs)));
        }
        return out;
    }

    private static String[] split(String s) {
        String[] p = s.split("\\|");
        for (int i = 0; i < p.length; i++) {
            p[i] = p[i].strip();
        }
        return p;
    }
}
