package com.talentpipeline.scoring.resume;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.resume.Resume;
import com.talentpipeline.core.score.AtsScore;
import com.talentpipeline.core.score.Rule;
import com.talentpipeline.core.score.SubScore;
import com.talentpipeline.core.skill.SkillVocabulary;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules behind the quality and ATS scores: each point is explained, missing items cost points and yield advice. */
class ResumeRulesTest {

    static final YearMonth NOW = YearMonth.of(2026, 11);

    static Resume resume(String phone, List<Resume.WorkExperience> roles, List<Resume.Certification> certs) {
        return new Resume("A", "B", "a@example.com", phone, "Backend engineer building Java services with Kafka and PostgreSQL for payments, "
                + "owning them in production, mentoring engineers and improving reliability, latency and cost across the platform.",
                List.of(new Resume.Skill("Java", "Expert"), new Resume.Skill("Kafka", "Advanced"), new Resume.Skill("PostgreSQL", null)),
                roles, List.of(new Resume.Education("BSc CS", "Uni", "2015")), certs);
    }

    static final List<Resume.WorkExperience> ROLES = List.of(new Resume.WorkExperience("Senior Engineer", "Acme", "2016-01", "present",
            List.of("Built Kafka pipelines for 3 million events a day", "Reduced p99 latency by 40%")));

    @Test
    void grades() {
        assertThat(List.of(100, 95, 94, 90, 89, 85, 84, 80, 79, 75, 74, 70, 69, 60, 59, 0).stream().map(Grades::of))
                .containsExactly("A+", "A+", "A", "A", "B+", "B+", "B", "B", "C+", "C+", "C", "C", "D", "D", "F", "F");
    }

    @Test
    void aMissingPhoneCostsItsPointsAndYieldsItsRecommendation() {
        QualityScore with = new QualityScorer().score(resume("+1 555 0100", ROLES, List.of()), NOW);
        QualityScore without = new QualityScorer().score(resume(null, ROLES, List.of()), NOW);
        assertThat(without.breakdown().get("completeness").score()).isEqualTo(with.breakdown().get("completeness").score() - 10);
        assertThat(without.breakdown().get("completeness").rules()).anySatisfy(r -> {
            assertThat(r.rule()).isEqualTo("contact.phone");
            assertThat(r.points()).isZero();
            assertThat(r.evidence()).isEqualTo("no phone number");
        });
        assertThat(without.recommendations()).contains("Add a phone number so recruiters can call you.");
        assertThat(with.totalExperienceYears()).isEqualTo(10.9);
        // Every sub-score is the sum of its rules' points over their maxima.
        for (SubScore sub : with.breakdown().values()) {
            double points = 0;
            double max = 0;
            for (Rule r : sub.rules()) {
                points += r.points();
                max += r.max();
            }
            assertThat(sub.score()).isEqualTo((int) Math.round(100 * points / max));
        }
    }

    @Test
    void anAnonymousResumeIsScoredAndMissingContactCostsPointsNotAnException() {
        Resume anonymous = new Resume(null, null, null, null, null,
                List.of(new Resume.Skill("Java", null)), ROLES, List.of(), List.of());
        QualityScore quality = new QualityScorer().score(anonymous, NOW);
        assertThat(quality.breakdown().get("completeness").rules())
                .filteredOn(r -> r.rule().startsWith("contact."))
                .extracting(Rule::points).containsExactly(0.0, 0.0);
        assertThat(quality.overallScore()).isBetween(0, 100);
        AtsScore ats = new AtsScorer(new JobKeywords(SkillVocabulary.defaults()))
                .score(anonymous, "Skills\nJava\nExperience\nSenior Engineer, Acme 2016 - present", null, null, NOW);
        assertThat(ats.factors()).filteredOn(f -> f.factor().equals("contact_details")).singleElement()
                .satisfies(f -> {
                    assertThat(f.score()).isZero();
                    assertThat(f.evidence()).contains("no e-mail", "no valid phone number");
                });
    }

    @Test
    void certificationsCountWhenIssuedAndRelevant() {
        QualityScore none = new QualityScorer().score(resume("1", ROLES, List.of()), NOW);
        QualityScore two = new QualityScorer().score(resume("1", ROLES, List.of(
                new Resume.Certification("Confluent Certified Developer for Apache Kafka", "Confluent"),
                new Resume.Certification("Oracle Java SE 17 Developer", "Oracle"))), NOW);
        assertThat(none.breakdown().get("certifications").score()).isZero();
        assertThat(two.breakdown().get("certifications").score()).isEqualTo(100);
        assertThat(two.overallScore()).isGreaterThan(none.overallScore());
    }

    @Test
    void atsFlagsInconsistentDatesAndCountsQuantifiedAchievementsAndVerbs() {
        AtsScorer ats = new AtsScorer(new JobKeywords(SkillVocabulary.defaults()));
        AtsScore good = ats.score(resume("+1 555 0100", ROLES, List.of()), null, null, null, NOW);
        AtsScore bad = ats.score(resume("call me", List.of(new Resume.WorkExperience("Engineer", "X", "2020-05", "2019-01",
                List.of("responsible for services", "worked on things"))), List.of()), null, null, null, NOW);
        assertThat(factor(good, "dates_consistent").score()).isEqualTo(100);
        assertThat(factor(bad, "dates_consistent").score()).isLessThan(100);
        assertThat(factor(bad, "dates_consistent").evidence()).contains("Engineer: ends before it starts");
        assertThat(factor(good, "quantified_achievements").score()).isEqualTo(100);
        assertThat(factor(bad, "quantified_achievements").score()).isZero();
        assertThat(factor(good, "action_verbs").score()).isEqualTo(100);
        assertThat(factor(bad, "action_verbs").score()).isZero();
        assertThat(factor(bad, "contact_details").score()).isEqualTo(50);
        assertThat(good.atsScore()).isGreaterThan(bad.atsScore());
        assertThat(good.keywords()).isNull();
        assertThat(good.factors()).extracting(AtsScore.Factor::factor).doesNotContain("keyword_coverage");
    }

    @Test
    void anUploadedFileWithoutStandardHeadingsScoresLowerOnHeadings() {
        AtsScorer ats = new AtsScorer(new JobKeywords(SkillVocabulary.defaults()));
        String withHeadings = "Summary\nBackend engineer\nExperience\nSenior Engineer, Acme\nEducation\nBSc\nSkills\nJava, Kafka\n";
        String without = "Backend engineer. Senior Engineer at Acme. BSc. Java, Kafka.";
        assertThat(factor(ats.score(resume("1", ROLES, List.of()), withHeadings, null, null, NOW), "section_headings").score())
                .isEqualTo(100);
        assertThat(factor(ats.score(resume("1", ROLES, List.of()), without, null, null, NOW), "section_headings").score())
                .isZero();
    }

    static AtsScore.Factor factor(AtsScore s, String name) {
        return s.factors().stream().filter(f -> f.factor().equals(name)).findFirst().orElseThrow();
    }
}
