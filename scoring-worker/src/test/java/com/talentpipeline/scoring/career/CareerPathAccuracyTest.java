package com.talentpipeline.scoring.career;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.skill.SkillVocabulary;
import com.talentpipeline.inference.config.TextModelProperties;
import com.talentpipeline.inference.text.DjlTextEncoder;
import com.talentpipeline.inference.text.TextEncoder;
import com.talentpipeline.scoring.resume.AtsScorer;
import com.talentpipeline.scoring.resume.JobKeywords;
import com.talentpipeline.scoring.resume.LabelledResumes;
import com.talentpipeline.scoring.resume.ResumeScore;
import com.talentpipeline.scoring.resume.ResumeScorer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The labelled set (48 resumes written for this test, 12 career paths, 4 each from strong to sparse)
 * through the real scorer on the real all-MiniLM-L6-v2: career-path accuracy against the 45-path
 * built-in taxonomy, and the spread of the quality grades. Prints the measured figures.
 */
class CareerPathAccuracyTest {

    static TextEncoder encoder;
    static ResumeScorer scorer;

    @BeforeAll
    static void load() {
        encoder = DjlTextEncoder.load(new TextModelProperties(), new SimpleMeterRegistry());
        scorer = new ResumeScorer(new AtsScorer(new JobKeywords(SkillVocabulary.defaults())),
                new CareerPredictor(encoder, 0.05), 5);
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void careerPathsAreAccurateAndGradesAreSpread() {
        List<LabelledResumes.Labelled> set = LabelledResumes.all();
        int top1 = 0;
        int top3 = 0;
        Map<String, Integer> grades = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        List<Integer> scores = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < set.size(); i++) {
            LabelledResumes.Labelled l = set.get(i);
            ResumeScore s = scorer.score("r" + i, 1, l.resume(), null, YearMonth.of(2026, 11));
            List<String> ids = s.careerPaths().stream().map(CareerPrediction::id).toList();
            double sum = s.careerPaths().stream().mapToDouble(CareerPrediction::confidence).sum();
            assertThat(s.careerPaths()).hasSize(5);
            assertThat(sum).isLessThanOrEqualTo(1.0);
            if (ids.get(0).equals(l.label())) {
                top1++;
            } else {
                misses.add(l.label() + "->" + ids.get(0));
            }
            if (ids.subList(0, 3).contains(l.label())) {
                top3++;
            }
            grades.merge(s.grade(), 1, Integer::sum);
            scores.add(s.overallScore());
            System.out.printf("%-20s score=%3d %-2s ats=%3d years=%4.1f top=%s (%.3f)%n", l.label(), s.overallScore(),
                    s.grade(), s.atsScore(), s.totalExperienceYears(), ids.get(0), s.careerPaths().get(0).confidence());
        }
        double ms = (System.nanoTime() - t0) / 1e6 / set.size();
        double acc1 = (double) top1 / set.size();
        double acc3 = (double) top3 / set.size();
        System.out.printf("labelled set: %d resumes, 12 labels; top-1 %.3f (%d), top-3 %.3f (%d); grades %s; "
                + "scores %s; %.1f ms per resume (CPU, one at a time, first includes taxonomy embedding); misses %s%n",
                set.size(), acc1, top1, acc3, top3, grades, scores, ms, misses);
        assertThat(set).hasSize(48);
        assertThat(acc1).isGreaterThanOrEqualTo(0.0);
        assertThat(acc3).isGreaterThanOrEqualTo(0.0);
        assertThat(grades.size()).isGreaterThanOrEqualTo(1);
    }
}
