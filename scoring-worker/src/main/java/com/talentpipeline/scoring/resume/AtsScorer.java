package com.talentpipeline.scoring.resume;

import com.talentpipeline.core.job.Job;
import com.talentpipeline.core.resume.Resume;
import com.talentpipeline.core.resume.ResumeDates;
import com.talentpipeline.core.score.AtsScore;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The ATS score by factor: text extractable, standard section headings, contact details, dates
 * consistent, length, quantified achievements, action verbs, and keyword coverage against a target job
 * when one is given (its weight is otherwise left out and the others renormalised).
 */
public final class AtsScorer {

    private static final Pattern PHONE = Pattern.compile("^[+()\\d][\\d\\s().-]{6,}$");
    private static final List<String> HEADINGS = List.of("summary|profile|objective", "experience|employment|work history",
            "education", "skills", "certifications?|licen[cs]es");

    private final JobKeywords keywords;

    public AtsScorer(JobKeywords keywords) {
        this.keywords = keywords;
    }

    /**
     * Scores the resume.
     *
     * @param resume     the structured resume
     * @param sourceText the text extracted from the uploaded file, or null for a structured submission
     * @param job        the target job, or null
     * @param jobId      the target job's id, or null
     * @param today      the current month, for dates in the future
     */
    public AtsScore score(Resume resume, String sourceText, Job job, String jobId, YearMonth today) {
        List<AtsScore.Factor> factors = new ArrayList<>();
        String text = ResumeText.professional(resume);
        factors.add(extractable(resume, sourceText));
        factors.add(headings(resume, sourceText));
        factors.add(contact(resume));
        factors.add(dates(resume, today));
        factors.add(length(sourceText == null ? text : sourceText));
        List<String> lines = ResumeText.responsibilities(resume);
        long quantified = lines.stream().filter(ResumeText::quantified).count();
        factors.add(new AtsScore.Factor("quantified_achievements", 0.15,
                lines.isEmpty() ? 0 : (int) Math.round(100 * Math.min(1, quantified / (0.5 * lines.size()))),
                quantified + " of " + lines.size() + " achievement lines state a number (half or more scores 100)"));
        long verbs = lines.stream().filter(ActionVerbs::startsWithOne).count();
        factors.add(new AtsScore.Factor("action_verbs", 0.10,
                lines.isEmpty() ? 0 : (int) Math.round(100 * Math.min(1, verbs / (0.7 * lines.size()))),
                verbs + " of " + lines.size() + " achievement lines start with an action verb (70% or more scores 100)"));
        AtsScore.Keywords coverage = null;
        if (job != null) {
            List<String> wanted = keywords.of(job);
            List<String> skills = resume.skills().stream().map(Resume.Skill::name).toList();
            List<String> found = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String k : wanted) {
                (keywords.mentioned(k, text, skills) ? found : missing).add(k);
            }
            double share = wanted.isEmpty() ? 1 : (double) found.size() / wanted.size();
            coverage = new AtsScore.Keywords(jobId, Math.round(share * 1000) / 1000.0, found, missing);
            factors.add(new AtsScore.Factor("keyword_coverage", 0.20, (int) Math.round(100 * share),
                    found.size() + " of " + wanted.size() + " job keywords found"));
        }
        double sum = 0;
        double weights = 0;
        for (AtsScore.Factor f : factors) {
            sum += f.weight() * f.score();
            weights += f.weight();
        }
        return new AtsScore((int) Math.round(sum / weights), factors, coverage);
    }

    private static AtsScore.Factor extractable(Resume resume, String sourceText) {
        if (sourceText == null) {
            return new AtsScore.Factor("text_extractable", 0.10, 100, "structured submission: every field is machine-readable");
        }
        int words = ResumeText.words(sourceText);
        int score = words >= 150 ? 100 : words >= 50 ? 60 : 0;
        return new AtsScore.Factor("text_extractable", 0.10, score, words + " words extracted from the uploaded file");
    }

    private static AtsScore.Factor headings(Resume resume, String sourceText) {
        int found = 0;
        List<String> names = new ArrayList<>();
        if (sourceText != null) {
            for (String h : HEADINGS) {
                if (Pattern.compile("(?im)^\\s*(" + h + ")\\s*:?\\s*$").matcher(sourceText).find()) {
                    found++;
                    names.add(h.split("\\|")[0].replace("?", ""));
                }
            }
        } else {
            boolean[] present = {resume.summary() != null && !resume.summary().isBlank(), !resume.workExperience().isEmpty(),
                    !resume.education().isEmpty(), !resume.skills().isEmpty(), !resume.certifications().isEmpty()};
            String[] labels = {"summary", "experience", "education", "skills", "certifications"};
            for (int i = 0; i < present.length; i++) {
                if (present[i]) {
                    found++;
                    names.add(labels[i]);
                }
            }
        }
        // Four of the five standard sections is what screening expects; certifications are optional.
        return new AtsScore.Factor("section_headings", 0.15, (int) Math.round(100 * Math.min(1, found / 4.0)),
                "standard sections present: " + (names.isEmpty() ? "none" : String.join(", ", names)));
    }

    private static AtsScore.Factor contact(Resume resume) {
        boolean email = resume.email() != null && resume.email().contains("@");
        boolean phone = resume.phone() != null && PHONE.matcher(resume.phone().strip()).matches();
        int score = (email ? 50 : 0) + (phone ? 50 : 0);
        return new AtsScore.Factor("contact_details", 0.10, score,
                (email ? "e-mail" : "no e-mail") + ", " + (phone ? "phone" : "no valid phone number"));
    }

    private static AtsScore.Factor dates(Resume resume, YearMonth today) {
        int checked = 0;
        List<String> problems = new ArrayList<>();
        for (Resume.WorkExperience role : resume.workExperience()) {
            checked++;
            Optional<YearMonth> start = ResumeDates.parse(role.startDate());
            Optional<YearMonth> end = role.endDate() == null || ResumeDates.isPresent(role.endDate())
                    ? Optional.of(today) : ResumeDates.parse(role.endDate());
            if (start.isEmpty() || end.isEmpty()) {
                problems.add(role.jobTitle() + ": unreadable date");
            } else if (end.get().isBefore(start.get())) {
                problems.add(role.jobTitle() + ": ends before it starts");
            } else if (start.get().isAfter(today)) {
                problems.add(role.jobTitle() + ": starts in the future");
            }
        }
        for (Resume.Education e : resume.education()) {
            if (e.graduationDate() != null) {
                checked++;
                if (ResumeDates.parse(e.graduationDate()).isEmpty()) {
                    problems.add(e.degree() + ": unreadable graduation date");
                }
            }
        }
        int score = checked == 0 ? 0 : (int) Math.round(100.0 * (checked - problems.size()) / checked);
        return new AtsScore.Factor("dates_consistent", 0.15, score, checked == 0 ? "no dates to check"
                : problems.isEmpty() ? checked + " dates checked, all consistent"
                : problems.size() + " of " + checked + " dates inconsistent: " + String.join("; ", problems));
    }

    private static AtsScore.Factor length(String text) {
        int words = ResumeText.words(text);
        int score;
        if (words >= 200 && words <= 900) {
            score = 100;
        } else if (words >= 120 && words <= 1300) {
            score = 70;
        } else if (words >= 60) {
            score = 40;
        } else {
            score = 10;
        }
        return new AtsScore.Factor("length", 0.10, score,
                words + " words of content (200-900 scores 100)".toLowerCase(Locale.ROOT));
    }
}
