package com.talentpipeline.core.score;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.career.CareerPrediction;
import com.talentpipeline.core.json.PipelineJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The score contracts moved to pipeline-core write what the scoring worker always wrote: the stored
 * {@code resume.score} result's snake_case keys in their order, and the served score is that document
 * followed by {@code task_id} (formerly the stored JSON with {@code task_id} put last).
 */
class ScoreAnswersWireTest {

    private static ResumeScore score() {
        SubScore skills = SubScore.of(List.of(new Rule("skills.count", 7.26, 10, "8 skills"),
                new Rule("skills.bonus", 12, 5, "over the maximum")));
        AtsScore ats = new AtsScore(71, List.of(new AtsScore.Factor("quantified_achievements", 0.2, 60, "3 of 5")),
                new AtsScore.Keywords("job-1", 0.5, List.of("java"), List.of("kafka")));
        return new ResumeScore("r-1", 2, "resume-scorer-1.0.0", 78, "B+", Map.of("skills", 1.0),
                Map.of("skills", skills), 6.5, List.of("good"), List.of("bad"), List.of("fix"), 71, ats,
                List.of(new CareerPrediction("p1", "Backend Engineer", 0.4, 0.7, List.of())), "minilm");
    }

    @Test
    void theStoredScoreKeepsItsKeysAndRulesTheirRounding() {
        JsonNode json = PipelineJson.mapper().valueToTree(score());
        assertThat(json.propertyNames()).containsExactly("resume_id", "version", "scorer_version", "overall_score",
                "grade", "weights", "breakdown", "total_experience_years", "strengths", "improvements",
                "recommendations", "ats_score", "ats", "career_paths", "model");
        assertThat(json.path("ats").propertyNames()).containsExactly("ats_score", "factors", "keywords");
        assertThat(json.path("ats").path("keywords").propertyNames())
                .containsExactly("job_id", "coverage", "found", "missing");
        JsonNode rules = json.path("breakdown").path("skills").path("rules");
        assertThat(rules.get(0).path("points").asDouble()).isEqualTo(7.3);
        assertThat(rules.get(1).path("points").asDouble()).as("clamped to the maximum").isEqualTo(5.0);
        assertThat(json.path("breakdown").path("skills").path("score").asInt()).isEqualTo(82);
        assertThat(json.path("career_paths").get(0).has("career_path")).isTrue();
    }

    @Test
    void theServedScoreIsTheStoredDocumentFollowedByItsTaskId() {
        ResumeScore score = score();
        ObjectNode former = PipelineJson.mapper().valueToTree(score);
        former.put("task_id", "t-1");

        String served = PipelineJson.mapper().writeValueAsString(new ScoredResume(score, "t-1"));

        assertThat(served).isEqualTo(PipelineJson.mapper().writeValueAsString(former));
    }
}
