package com.talentpipeline.matching.compare;

import com.talentpipeline.core.match.MatchResult;
import com.talentpipeline.inference.vector.Vectors;
import com.talentpipeline.matching.config.MatchingProperties.Weights;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares a resume with a job the way the seed does: {@code match_percentage = w_s * skills_match +
 * w_e * experience_match} (0.65/0.35 unless the tenant configures others).
 *
 * <ul>
 * <li>skills_match: share of the job's skills the resume covers ({@link SkillMatcher}); a job listing
 *     no skills falls back to the similarity of the two skills sections.</li>
 * <li>experience_match: 70% the fit of the resume's total years to the job's level
 *     ({@link ExperienceFit}), 30% the similarity of the candidate's roles to the job title.</li>
 * <li>requirements_match (informational): similarity of the candidate's roles to the requirements.</li>
 * </ul>
 * Similarities are cosines of MiniLM vectors rescaled linearly so that 0.15 (unrelated) is 0 and 0.65
 * (closely related) is 100.
 */
public final class MatchEngine {

    /** Changes whenever the scoring changes: part of the comparison cache key. */
    public static final String VERSION = "matcher-1";

    static final double EXPERIENCE_YEARS_SHARE = 0.7;
    private static final double COS_UNRELATED = 0.15;
    private static final double COS_RELATED = 0.65;

    private final SkillMatcher skills;

    public MatchEngine(SkillMatcher skills) {
        this.skills = skills;
    }

    public SkillMatcher skills() {
        return skills;
    }

    /** A comparison session for one resume (memoises its skill decisions across many jobs). */
    public Session session(ResumeProfile resume) {
        return new Session(resume, skills.forResume(resume.skills()));
    }

    /** One resume against any number of jobs; not thread-safe. */
    public final class Session {

        private final ResumeProfile resume;
        private final SkillMatcher.ForResume matcher;
        private final float[] background;

        Session(ResumeProfile resume, SkillMatcher.ForResume matcher) {
            this.resume = resume;
            this.matcher = matcher;
            this.background = resume.backgroundVector();
        }

        public ResumeProfile resume() {
            return resume;
        }

        /** Only the percentage, without advice texts (fast path of full scans). */
        public double percentage(JobProfile job, Weights weights) {
            return weights.skills() * skillsMatch(job, matcher.split(job.skills())) + weights.experience() * experienceMatch(job);
        }

        /** The full result. */
        public MatchResult compare(JobProfile job, Weights weights) {
            SkillMatcher.Split split = matcher.split(job.skills());
            double skillsMatch = skillsMatch(job, split);
            double experience = experienceMatch(job);
            float[] requirements = job.sections().get("requirements");
            Double requirementsMatch = requirements == null ? null : round(scaled(Vectors.cosine(background, requirements)));
            double percentage = round(weights.skills() * skillsMatch + weights.experience() * experience);
            return new MatchResult(resume.resumeId(), job.jobId(), percentage,
                    new MatchResult.MatchBreakdown(round(skillsMatch), round(experience), requirementsMatch),
                    split.matched(), split.missing(), RecommendationLevel.of(percentage).label(),
                    strengths(job, split, skillsMatch), improvements(job, split), job.facts().title(),
                    job.facts().company(), VERSION);
        }

        private double skillsMatch(JobProfile job, SkillMatcher.Split split) {
            int total = split.matched().size() + split.missing().size();
            if (total == 0) {
                return scaled(Vectors.cosine(resume.sections().get("skills"), job.sections().get("skills")));
            }
            return 100.0 * split.matched().size() / total;
        }

        private double experienceMatch(JobProfile job) {
            double years = ExperienceFit.of(resume.experienceYears(), job.level());
            double title = scaled(Vectors.cosine(background, job.sections().get("jobTitle")));
            return EXPERIENCE_YEARS_SHARE * years + (1 - EXPERIENCE_YEARS_SHARE) * title;
        }

        private List<String> strengths(JobProfile job, SkillMatcher.Split split, double skillsMatch) {
            List<String> out = new ArrayList<>();
            if (!split.matched().isEmpty()) {
                out.add("Has " + split.matched().size() + " of " + (split.matched().size() + split.missing().size())
                        + " required skills: " + String.join(", ", split.matched().subList(0, Math.min(5, split.matched().size()))));
            }
            if (ExperienceFit.of(resume.experienceYears(), job.level()) >= 100) {
                out.add(String.format(java.util.Locale.ROOT, "%.1f years of experience fit the %s level",
                        resume.experienceYears(), job.level().label()));
            }
            if (scaled(Vectors.cosine(background, job.sections().get("jobTitle"))) >= 70) {
                out.add("Background closely related to " + job.facts().title());
            }
            if (out.isEmpty() && skillsMatch > 0) {
                out.add("Some overlap with the job's skills");
            }
            return out;
        }

        private List<String> improvements(JobProfile job, SkillMatcher.Split split) {
            List<String> out = new ArrayList<>();
            if (!split.missing().isEmpty()) {
                out.add("Learn or highlight: " + String.join(", ", split.missing().subList(0, Math.min(5, split.missing().size()))));
            }
            double missingYears = ExperienceFit.missingYears(resume.experienceYears(), job.level());
            if (missingYears > 0) {
                out.add(String.format(java.util.Locale.ROOT, "About %.1f more years of experience expected for a %s role",
                        missingYears, job.level().label()));
            }
            if (scaled(Vectors.cosine(background, job.sections().get("jobTitle"))) < 40) {
                out.add("Describe experience related to " + job.facts().title());
            }
            return out;
        }
    }

    /** A cosine mapped to 0-100 (0.15 or less = 0, 0.65 or more = 100). */
    static double scaled(double cosine) {
        double s = (cosine - COS_UNRELATED) / (COS_RELATED - COS_UNRELATED);
        return 100 * Math.max(0, Math.min(1, s));
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
