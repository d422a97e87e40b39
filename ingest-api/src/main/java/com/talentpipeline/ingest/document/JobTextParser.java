package com.talentpipeline.ingest.document;

import com.talentpipeline.core.skill.SkillVocabulary;
import com.talentpipeline.core.job.ExperienceLevel;
import com.talentpipeline.core.job.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a plain-text job description into the {@link Job} schema: title, company, location, remote
 * flag, experience level, skills (by the {@link SkillVocabulary}) and requirements (the bullets under
 * a requirements-like heading). Like the resume parser it uses rules and leaves unknown fields empty.
 */
public final class JobTextParser {

    private static final Pattern LABEL = Pattern.compile(
            "(?i)^(job title|title|position|role|company|employer|location|experience level|level|seniority)\\s*:\\s*(.+)$");
    private static final Pattern TITLE_AT_COMPANY = Pattern.compile("^(.+?)\\s+(?:at|@)\\s+(.+)$");
    private static final Pattern REMOTE = Pattern.compile("(?i)\\b(remote|work from home|wfh|distributed team)\\b");
    private static final Pattern NOT_REMOTE = Pattern.compile("(?i)\\b(no remote|not remote|on-?site only|remote:\\s*no)\\b");
    private static final Pattern SENIOR = Pattern.compile("(?i)\\b(senior|sr\\.?|lead|principal|staff|head of)\\b");
    private static final Pattern ENTRY = Pattern.compile("(?i)\\b(junior|jr\\.?|entry[- ]level|graduate|intern|trainee)\\b");
    private static final Pattern MID = Pattern.compile("(?i)\\b(mid[- ]level|mid|intermediate)\\b");
    private static final Pattern YEARS = Pattern.compile("(?i)(\\d{1,2})\\s*\\+?\\s*(?:-\\s*\\d{1,2}\\s*)?years?");
    private static final List<String> REQUIREMENT_HEADINGS = List.of("requirements", "qualifications",
            "what you'll need", "what you will need", "what we're looking for", "what we are looking for",
            "must have", "must-have", "you have", "about you", "skills and experience", "required skills");

    private final SkillVocabulary vocabulary;

    public JobTextParser(SkillVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** Parses the description; the result may lack title or company (the caller validates). */
    public Job parse(String rawText) {
        String text = TextExtractor.normalise(rawText);
        List<Line> lines = Line.split(text);
        String title = null;
        String company = null;
        String location = null;
        String levelText = null;
        for (Line line : lines) {
            Matcher m = LABEL.matcher(line.text());
            if (!m.matches()) {
                continue;
            }
            String value = m.group(2).strip();
            switch (m.group(1).toLowerCase(Locale.ROOT)) {
                case "job title", "title", "position", "role" -> title = title == null ? value : title;
                case "company", "employer" -> company = company == null ? value : company;
                case "location" -> location = location == null ? value : location;
                default -> levelText = levelText == null ? value : levelText;
            }
        }
        if (title == null) {
            Line first = lines.stream().filter(l -> !l.blank()).findFirst().orElse(null);
            if (first != null) {
                title = first.text();
            }
        }
        if (title != null) {
            Matcher at = TITLE_AT_COMPANY.matcher(title);
            if (at.matches()) {
                title = at.group(1).strip();
                company = company == null ? at.group(2).strip() : company;
            }
        }
        boolean remote = REMOTE.matcher(text).find() && !NOT_REMOTE.matcher(text).find();
        if (location != null && location.toLowerCase(Locale.ROOT).contains("remote")) {
            remote = true;
        }
        List<Job.JobSkill> skills = vocabulary.find(text, 0, text.length()).stream()
                .limit(200).map(m -> new Job.JobSkill(m.skill())).toList();
        return new Job(limit(title, 200), limit(company, 200), limit(location, 200),
                level(levelText, title, text), null, skills, requirements(lines), limit(text.strip(), 20_000), remote);
    }

    /** The stated level, else the title's seniority words, else the years asked for, else Mid. */
    static ExperienceLevel level(String stated, String title, String text) {
        for (String source : new String[] {stated, title}) {
            if (source == null) {
                continue;
            }
            if (SENIOR.matcher(source).find()) {
                return ExperienceLevel.SENIOR;
            }
            if (ENTRY.matcher(source).find()) {
                return ExperienceLevel.ENTRY;
            }
            if (MID.matcher(source).find()) {
                return ExperienceLevel.MID;
            }
        }
        Matcher years = YEARS.matcher(text);
        if (years.find()) {
            int min = Integer.parseInt(years.group(1));
            return min >= ExperienceLevel.SENIOR.minYears() ? ExperienceLevel.SENIOR
                    : min >= ExperienceLevel.MID.minYears() ? ExperienceLevel.MID : ExperienceLevel.ENTRY;
        }
        return ExperienceLevel.MID;
    }

    /** Bullets under a requirements-like heading; without such a heading, every bullet. */
    private static List<String> requirements(List<Line> lines) {
        List<String> underHeading = new ArrayList<>();
        List<String> allBullets = new ArrayList<>();
        boolean inRequirements = false;
        boolean sawHeading = false;
        for (Line line : lines) {
            String key = line.text().toLowerCase(Locale.ROOT).replaceAll("[:\\s]+$", "").strip();
            if (!line.bullet() && REQUIREMENT_HEADINGS.contains(key)) {
                inRequirements = true;
                sawHeading = true;
                continue;
            }
            if (line.bullet()) {
                allBullets.add(limit(line.text(), 2_000));
                if (inRequirements) {
                    underHeading.add(limit(line.text(), 2_000));
                }
            } else if (!line.blank() && inRequirements && line.text().length() <= 40) {
                inRequirements = false; // the next heading ends the requirements
            }
        }
        List<String> chosen = sawHeading && !underHeading.isEmpty() ? underHeading : allBullets;
        return chosen.subList(0, Math.min(chosen.size(), 100));
    }

    private static String limit(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
