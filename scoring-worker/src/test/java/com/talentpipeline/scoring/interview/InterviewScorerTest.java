package com.talentpipeline.scoring.interview;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.interview.InterviewSubmitted;
import com.talentpipeline.core.skill.SkillVocabulary;
import com.talentpipeline.inference.config.TextModelProperties;
import com.talentpipeline.inference.text.DjlTextEncoder;
import com.talentpipeline.inference.text.TextEncoder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real transcripts on the real text model: the strong candidate outscores the weak one; a missing scorer is reported, never invented. */
class InterviewScorerTest {

    static TextEncoder encoder;
    static final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    static final InterviewSubmitted.Rubric RUBRIC = new InterviewSubmitted.Rubric(0.3, 0.4, 0.3);

    @BeforeAll
    static void load() {
        encoder = DjlTextEncoder.load(new TextModelProperties(), new SimpleMeterRegistry());
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    static InterviewScorer scorer(boolean softSkills, boolean technical) {
        return new InterviewScorer(List.of(new SoftSkillsScorer(softSkills),
                new TechnicalScorer(SkillVocabulary.defaults(), technical)), encoder, meters);
    }

    @Test
    void theStrongCandidateScoresHigherOnEveryDimensionWithEvidenceFromTheirOwnWords() {
        InterviewScorer scorer = scorer(true, true);
        InterviewResult strong = scorer.score(Transcripts.interview("strong", Transcripts.STRONG, RUBRIC), List.of());
        InterviewResult weak = scorer.score(Transcripts.interview("weak", Transcripts.WEAK, RUBRIC), List.of());
        System.out.println("strong: " + strong.overallScore() + " " + strong.dimensions().values().stream()
                .map(d -> d.dimension() + "=" + d.score()).toList() + " relevance " + strong.relevance());
        System.out.println("weak:   " + weak.overallScore() + " " + weak.dimensions().values().stream()
                .map(d -> d.dimension() + "=" + d.score()).toList() + " relevance " + weak.relevance());
        assertThat(strong.complete()).isTrue();
        assertThat(strong.missing()).isEmpty();
        for (String d : List.of("communication", "culture", "technical", "problem_solving")) {
            assertThat(strong.dimensions().get(d).score()).as(d).isGreaterThan(weak.dimensions().get(d).score());
        }
        assertThat(strong.dimensions().get("technical").score()).isGreaterThanOrEqualTo(70);
        assertThat(weak.dimensions().get("technical").score()).isLessThan(40);
        assertThat(strong.overallScore()).isGreaterThan(weak.overallScore() + 30);
        // Evidence quotes are the candidate's own sentences.
        String said = String.join(" ", Transcripts.STRONG);
        strong.dimensions().values().forEach(d -> d.evidence().forEach(q ->
                assertThat(said).as(d.dimension()).contains(q.replace("...", ""))));
        assertThat(strong.dimensions().get("technical").evidence()).isNotEmpty();
        // Relevance of each answer to its question, from the embeddings: on-topic answers are closer.
        assertThat(strong.relevance()).hasSize(4);
        double strongMean = mean(strong.relevance());
        double weakMean = mean(weak.relevance());
        assertThat(strongMean).isGreaterThan(weakMean);
        assertThat(meters.find("scoring.scorer.latency").tag("scorer", "technical").timer().count()).isPositive();
    }

    static double mean(List<InterviewResult.QuestionRelevance> relevance) {
        double sum = 0;
        for (InterviewResult.QuestionRelevance r : relevance) {
            sum += r.relevance();
        }
        return sum / relevance.size();
    }

    @Test
    void aDisabledScorerIsReportedMissingAndTheOverallUsesOnlyThePresentDimensions() {
        InterviewResult result = scorer(false, true).score(Transcripts.interview("s", Transcripts.STRONG, RUBRIC), List.of());
        assertThat(result.complete()).isFalse();
        assertThat(result.missing()).extracting(InterviewResult.Missing::scorer).containsExactly("soft-skills");
        assertThat(result.missing().get(0).reason()).isEqualTo("disabled");
        assertThat(result.dimensions()).doesNotContainKeys("communication", "culture");
        assertThat(result.appliedWeights()).containsOnlyKeys("technical", "problem_solving");
        int technical = result.dimensions().get("technical").score();
        int problem = result.dimensions().get("problem_solving").score();
        assertThat(result.overallScore()).isEqualTo((int) Math.round((0.4 * technical + 0.3 * problem) / 0.7));
    }

    @Test
    void aScorerThatThrowsIsReportedMissingWithItsReason() {
        DimensionScorer broken = new DimensionScorer() {
            public String name() {
                return "technical";
            }

            public List<String> dimensions() {
                return List.of("technical", "problem_solving");
            }

            public boolean enabled() {
                return true;
            }

            public List<DimensionScore> score(AnalysedTranscript t) {
                throw new IllegalStateException("model service unreachable");
            }
        };
        InterviewScorer scorer = new InterviewScorer(List.of(new SoftSkillsScorer(true), broken), encoder, meters);
        InterviewResult result = scorer.score(Transcripts.interview("s", Transcripts.STRONG, RUBRIC), List.of());
        assertThat(result.complete()).isFalse();
        assertThat(result.missing()).singleElement().satisfies(m -> {
            assertThat(m.scorer()).isEqualTo("technical");
            assertThat(m.reason()).isEqualTo("failed: IllegalStateException");
        });
        assertThat(result.overallScore()).isEqualTo(result.dimensions().get("communication").score());
        assertThat(scorer.lastFailure("technical")).contains("IllegalStateException");
    }

    @Test
    void jobKeywordsTheCandidateMentionsCountTowardsTechnical() {
        InterviewResult result = scorer(true, true).score(Transcripts.interview("s", Transcripts.STRONG, RUBRIC),
                List.of("Kafka", "idempotency", "Rust"));
        assertThat(result.dimensions().get("technical").signals())
                .anySatisfy(s -> assertThat(s).contains("job keywords mentioned 2 of 3"));
    }
}
