package com.talentpipeline.results.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.task.ErrorCode;
import com.talentpipeline.core.task.TaskEvent;
import com.talentpipeline.core.task.TaskType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PredictionProjectionTest {

    private static JsonNode json(String text) {
        return PipelineJson.mapper().readTree(text);
    }

    @Test
    void aScoreResultGivesTheScoreAndCareerRowsOfItsVersion() {
        JsonNode score = json("""
                {"resume_id": "r1", "version": 3, "overall_score": 81, "grade": "A-", "ats_score": 74,
                 "career_paths": [{"id": "de", "career_path": "Data Engineer", "confidence": 0.6},
                                  {"id": "ds", "career_path": "Data Scientist", "confidence": 0.3}]}""");
        List<PredictionProjection.Row> rows = PredictionProjection.rows(
                TaskEvent.succeeded(TaskType.RESUME_SCORE, null, "/v1/resumes/r1/score", score, false));

        assertThat(rows).extracting(PredictionProjection.Row::kind).containsExactly("resume_score", "career_path");
        assertThat(rows).allSatisfy(row -> assertThat(row.version()).isEqualTo(3));
        assertThat(rows.get(0).summary()).isEqualTo(Map.of("overall_score", 81, "grade", "A-", "ats_score", 74));
        assertThat(PipelineJson.mapper().writeValueAsString(rows.get(1).summary())).isEqualTo(
                "{\"career_path\":\"Data Engineer\",\"confidence\":0.6,\"top\":[{\"career_path\":\"Data Engineer\","
                        + "\"confidence\":0.6},{\"career_path\":\"Data Scientist\",\"confidence\":0.3}]}");
    }

    @Test
    void aRecommendationsResultGivesTheJobsRow() {
        JsonNode result = json("""
                {"resumeId": "r1", "resumeVersion": 2, "recommendations": [
                  {"job_id": "j9", "job_title": "Backend engineer", "match_percentage": 87.5, "company": "Acme"}]}""");
        List<PredictionProjection.Row> rows = PredictionProjection.rows(
                TaskEvent.succeeded(TaskType.RECOMMENDATIONS, null, "/v1/tasks/x", result, false));

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.kind()).isEqualTo("recommendations");
            assertThat(row.version()).isEqualTo(2);
            assertThat(PipelineJson.mapper().writeValueAsString(row.summary()))
                    .isEqualTo("{\"jobs\":[{\"jobId\":\"j9\",\"title\":\"Backend engineer\",\"match_percentage\":87.5}]}");
        });
    }

    @Test
    void otherTypesStatesAndShapesGiveNoRow() {
        JsonNode score = json("{\"version\": 1, \"overall_score\": 50}");
        assertThat(PredictionProjection.rows(TaskEvent.running(TaskType.RESUME_SCORE))).isEmpty();
        assertThat(PredictionProjection.rows(TaskEvent.failed(TaskType.RECOMMENDATIONS, ErrorCode.MODEL_FAILED, "x")))
                .isEmpty();
        assertThat(PredictionProjection.rows(TaskEvent.succeeded(TaskType.RESUME_EMBEDDING, null, null, score, false)))
                .isEmpty();
        assertThat(PredictionProjection.rows(TaskEvent.succeeded(TaskType.RESUME_SCORE, null, null,
                json("{\"overall_score\": 50}"), false))).as("no version").isEmpty();
    }

    @Test
    void rowIdsKeepTheSeedsTheWorkersUsed() {
        assertThat(PredictionProjection.id("resume_score", "t", "r", 1))
                .isEqualTo(java.util.UUID.nameUUIDFromBytes("resume_score:t:r:1".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(PredictionProjection.id("recommendations", "t", "r", 1))
                .isEqualTo(java.util.UUID.nameUUIDFromBytes("t|r|1|recommendations".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
