package com.talentpipeline.ingest.door;

import static com.talentpipeline.ingest.door.DoorFixtures.MODEL;
import static com.talentpipeline.ingest.door.DoorFixtures.embeddingEntry;
import static com.talentpipeline.ingest.door.DoorFixtures.resume;
import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.ingest.submission.Submission;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A known result becomes the new resume's result: its id, today's metrics, the same vectors and model. */
class DoorAnswersTest {

    @Test
    void theKnownResultGetsTheNewResumesIdAndTodaysMetrics() {
        var entry = embeddingEntry(MODEL);
        Submission.Finished finished = DoorAnswers.finished(entry, "r-2", resume(), YearMonth.of(2026, 12));

        assertThat(finished.model().version()).isEqualTo(MODEL);
        assertThat(finished.resultLink()).isEqualTo("/v1/resumes/r-2/embeddings");
        // The vectors stay the known text, handed on untouched; only the overrides are new.
        assertThat(finished.resultJson()).isSameAs(entry.result());
        JsonNode overrides = PipelineJson.mapper().readTree(finished.overrides());
        assertThat(overrides.propertyNames()).containsExactlyInAnyOrder("resumeId", "metrics");
        assertThat(overrides.get("resumeId").asString()).isEqualTo("r-2");
        assertThat(overrides.get("metrics").get("skillCount").asInt()).isEqualTo(3);
        assertThat(overrides.get("metrics").get("roleCount").asInt()).isEqualTo(2);
        // 2016-01..2018-12 and 2019-01..2020-12: five years.
        assertThat(overrides.get("metrics").get("totalExperienceYears").asDouble()).isBetween(4.9, 5.1);
    }

    @Test
    void aResultWithoutMetricsGetsNone() {
        var entry = new com.talentpipeline.core.door.DoorEntries.Embedding(embeddingEntry(MODEL).model(),
                "/v1/resumes/{resumeId}/embeddings", "{\"resumeId\":\"r-1\",\"version\":1}");
        JsonNode overrides = PipelineJson.mapper().readTree(
                DoorAnswers.finished(entry, "r-2", resume(), YearMonth.of(2026, 12)).overrides());
        assertThat(overrides.propertyNames()).containsExactly("resumeId");
    }
}
