package com.talentpipeline.scoring.resume;

import com.talentpipeline.core.resume.ExperienceCalculator;
import com.talentpipeline.core.resume.Resume;
import com.talentpipeline.core.score.Rule;
import com.talentpipeline.core.score.SubScore;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Rule-based resume quality score. Each sub-score is the sum of named rules, each with its maximum and
 * the evidence it found, so every point can be explained; the overall score weights the sub-scores
 * (completeness 30%, experience 35%, skills 25%, certifications 10%).
 */
public final class QualityScorer {

    /** Weights of the sub-scores in the overall score. */
    public static final Map<String, Double> WEIGHTS = weights();
    private static final Pattern SENIOR = Pattern.compile(
            "\\b(senior|sr\\.?|lead|principal|staff|head|manager|director|architect|chief|vp)\\b", Pattern.CASE_INSENSITIVE);

    private static Map<String, Double> weights() {
        Map<String, Double> w = new LinkedHashMap<>();
        w.put("completeness", 0.30);
        w.put("experience", 0.35);
        w.put("skills", 0.25);
        w.put("certifications", 0.10);
        return java.util.Collections.unmodifiableMap(w);
    }

    /** Scores the resume as of {@code today} (for "present" roles). */
    public QualityScore score(Resume resume, YearMonth today) {
        double years = ExperienceCalculator.totalYears(resume.workExperience(), today);
        Map<String, SubScore> breakdown = new LinkedHashMap<>();
        breakdown.put("completeness", completeness(resume));
        breakdown.put("experience", experience(resume, years));
        breakdown.put("skills", skills(resume));
        breakdown.put("certifications", certifications(resume));
        double overall = 0;
        for (var e : breakdown.entrySet()) {
            overall += WEIGHTS.get(e.getKey()) * e.getValue().score();
        }
        int score = (int) Math.round(overall);
        List<String> strengths = new ArrayList<>();
        List<String> improvements = new ArrayList<>();
        List<String> recommendations = new ArrayList<>();
        breakdown.forEach((name, sub) -> {
            if (sub.score() >= 80) {
                strengths.add(name + " scores " + sub.score() + "/100");
            }
            for (Rule r : sub.rules()) {
                if (r.max() > 0 && r.points() >= r.max()) {
                    strengths.add(r.rule() + ": " + r.evidence());
                } else if (r.points() < r.max() / 2) {
                    improvements.add(r.rule() + ": " + r.evidence() + " (" + r.points() + "/" + r.max() + " points)");
                    recommendations.add(Recommendations.forRule(r.rule()));
                }
            }
        });
        return new QualityScore(score, Grades.of(score), WEIGHTS, breakdown, years, strengths, improvements,
                recommendations.stream().distinct().toList());
    }

    private static SubScore completeness(Resume r) {
        List<Rule> rules = new ArrayList<>();
        rules.add(new Rule("contact.email", present(r.email()) ? 10 : 0, 10,
                present(r.email()) ? "an e-mail address is given" : "no e-mail address"));
        rules.add(new Rule("contact.phone", present(r.phone()) ? 10 : 0, 10,
                present(r.phone()) ? "a phone number is given" : "no phone number"));
        int summaryWords = r.summary() == null ? 0 : ResumeText.words(r.summary());
        rules.add(new Rule("summary", summaryWords >= 30 ? 15 : summaryWords > 0 ? 7.5 : 0, 15,
                "summary of " + summaryWords + " words (30 or more earn full points)"));
        rules.add(new Rule("skills.listed", 15 * Math.min(r.skills().size(), 6) / 6.0, 15,
                r.skills().size() + " skills listed (6 or more earn full points)"));
        rules.add(new Rule("experience.listed", r.workExperience().isEmpty() ? 0 : 20, 20,
                r.workExperience().size() + " roles listed"));
        long detailed = r.workExperience().stream().filter(w -> w.responsibilities().size() >= 2).count();
        rules.add(new Rule("experience.detailed",
                r.workExperience().isEmpty() ? 0 : 10.0 * detailed / r.workExperience().size(), 10,
                detailed + " of " + r.workExperience().size() + " roles describe at least 2 responsibilities"));
        rules.add(new Rule("education.listed", r.education().isEmpty() ? 0 : 10, 10,
                r.education().size() + " degrees listed"));
        rules.add(new Rule("certifications.listed", r.certifications().isEmpty() ? 0 : 10, 10,
                r.certifications().size() + " certifications listed"));
        return SubScore.of(rules);
    }

    private static SubScore experience(Resume r, double years) {
        List<Rule> rules = new ArrayList<>();
        rules.add(new Rule("experience.years", 45 * Math.min(years, 10) / 10.0, 45,
                years + " years of experience (10 or more earn full points)"));
        List<String> lines = ResumeText.responsibilities(r);
        long quantified = lines.stream().filter(ResumeText::quantified).count();
        double qShare = lines.isEmpty() ? 0 : (double) quantified / lines.size();
        rules.add(new Rule("experience.quantified", 25 * Math.min(1, qShare / 0.5), 25,
                quantified + " of " + lines.size() + " achievements state a number (half or more earn full points)"));
        long verbs = lines.stream().filter(ActionVerbs::startsWithOne).count();
        double vShare = lines.isEmpty() ? 0 : (double) verbs / lines.size();
        rules.add(new Rule("experience.action_verbs", 15 * Math.min(1, vShare / 0.7), 15,
                verbs + " of " + lines.size() + " achievements start with an action verb (70% or more earn full points)"));
        String senior = r.workExperience().stream().map(Resume.WorkExperience::jobTitle)
                .filter(t -> SENIOR.matcher(t).find()).findFirst().orElse(null);
        double progression = senior != null ? 15 : r.workExperience().size() >= 2 ? 8 : 0;
        rules.add(new Rule("experience.progression", progression, 15, senior != null
                ? "a senior or leading role: " + senior
                : r.workExperience().size() + " roles, none senior or leading"));
        return SubScore.of(rules);
    }

    private static SubScore skills(Resume r) {
        List<Rule> rules = new ArrayList<>();
        int n = r.skills().size();
        rules.add(new Rule("skills.count", 4 * Math.min(n, 10), 40, n + " skills (10 or more earn full points)"));
        long rated = r.skills().stream().filter(s -> present(s.proficiency())).count();
        rules.add(new Rule("skills.proficiency", n == 0 ? 0 : 20.0 * rated / n, 20,
                rated + " of " + n + " skills state a proficiency level"));
        String prose = (nullToEmpty(r.summary()) + " " + String.join(" ", ResumeText.responsibilities(r))
                + " " + String.join(" ", r.workExperience().stream().map(Resume.WorkExperience::jobTitle).toList()))
                .toLowerCase(Locale.ROOT);
        List<String> evidenced = r.skills().stream().map(Resume.Skill::name)
                .filter(s -> prose.contains(s.toLowerCase(Locale.ROOT))).toList();
        double eShare = n == 0 ? 0 : (double) evidenced.size() / n;
        rules.add(new Rule("skills.evidenced", 40 * Math.min(1, eShare / 0.5), 40,
                evidenced.size() + " of " + n + " skills are shown in the summary or roles"
                        + (evidenced.isEmpty() ? "" : " (" + String.join(", ", evidenced.subList(0, Math.min(5, evidenced.size()))) + ")")));
        return SubScore.of(rules);
    }

    private static SubScore certifications(Resume r) {
        List<Rule> rules = new ArrayList<>();
        int n = r.certifications().size();
        rules.add(new Rule("certifications.count", 30 * Math.min(n, 2), 60, n + " certifications (2 or more earn full points)"));
        long issued = r.certifications().stream().filter(c -> present(c.issuer())).count();
        rules.add(new Rule("certifications.issuer", n == 0 ? 0 : 25.0 * issued / n, 25,
                issued + " of " + n + " certifications name their issuer"));
        String relevant = r.certifications().stream().map(Resume.Certification::name)
                .filter(c -> relevantTo(c, r)).findFirst().orElse(null);
        rules.add(new Rule("certifications.relevant", relevant == null ? 0 : 15, 15, relevant == null
                ? "no certification names a listed skill or role" : "relevant to the listed skills or roles: " + relevant));
        return SubScore.of(rules);
    }

    private static boolean relevantTo(String certification, Resume r) {
        String c = certification.toLowerCase(Locale.ROOT);
        for (Resume.Skill s : r.skills()) {
            if (c.contains(s.name().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        for (Resume.WorkExperience w : r.workExperience()) {
            for (String word : w.jobTitle().toLowerCase(Locale.ROOT).split("\\W+")) {
                if (word.length() > 3 && c.contains(word)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
