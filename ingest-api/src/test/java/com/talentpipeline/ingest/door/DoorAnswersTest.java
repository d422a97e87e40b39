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
    void theKnownResultIsRewrittenForTheNewResume() {
        var entry = embeddingEntry(MODEL);
        com.talentpipeline.core.task.intake.Finished finished = DoorAnswers.finished(entry, "r-2", resume(), YearMonth.of(2026, 12));

        assertThat(finished.model().version()).isEqualTo(MODEL);
        assertThat(finished.resultLink()).isEqualTo("/v1/resumes/r-2/embeddings");
        JsonNode result = PipelineJson.mapper().readTree(finished.resultJson());
        assertThat(result.get("resumeId").asString()).isEqualTo("r-2");
        assertThat(result.get("meanEmbeddings")).isEqualTo(entry.result().get("meanEmbeddings"));
        assertThat(result.get("itemCounts")).isEqualTo(entry.result().get("itemCounts"));
        assertThat(result.get("metrics").get("skillCount").asInt()).isEqualTo(3);
        assertThat(result.get("metrics").get("roleCount").asInt()).isEqualTo(2);
        // 2016-01..2018-12 and 2019-01..2020-12: five years.
        assertThat(result.get("metrics").get("totalExperienceYears").asDouble()).isBetween(4.9, 5.1);
        // The stored entry itself is untouched (it answers the next resubmission too).
        assertThat(entry.result().get("resumeId").asString()).isEqualTo("r-1");
    }
}
