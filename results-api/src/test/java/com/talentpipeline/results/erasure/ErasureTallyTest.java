package com.talentpipeline.results.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.erasure.ErasurePlan;
import com.talentpipeline.core.erasure.ErasureReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tally of an erasure task: complete only when every listed participant reported on every resume. */
class ErasureTallyTest {

    private static final ErasurePlan PLAN = new ErasurePlan(List.of("ingest", "scoring", "rag"), List.of("r1", "r2"),
            List.of("resume.embedded:r1", "resume.embedded:r2"),
            List.of("resume.updated:r1:deleted", "resume.updated:r2:deleted"));

    @Test
    void everyParticipantOnEveryResumeCompletesItWithPerParticipantCounts() {
        var tally = new ErasureTally(PLAN, List.of(
                new ErasureReport("ingest", "r1", Map.of("resumes", 1L, "resume_files", 1L)),
                new ErasureReport("ingest", "r2", Map.of("resumes", 1L, "resume_files", 0L)),
                new ErasureReport("scoring", "r1", Map.of("resume_scores", 2L, "cache_keys", 1L)),
                new ErasureReport("scoring", "r2", Map.of("resume_scores", 1L, "cache_keys", 0L)),
                new ErasureReport("rag", "r1", Map.of("rag_chunks", 12L, "rag_documents", 1L)),
                new ErasureReport("rag", "r2", Map.of("rag_chunks", 0L, "rag_documents", 0L))));
        assertThat(tally.complete()).isTrue();
        assertThat(tally.missing()).isEmpty();
        var result = tally.result();
        assertThat(result.get("participants").get("scoring").get("resume_scores").asLong()).isEqualTo(3);
        assertThat(result.get("participants").get("rag").get("rag_chunks").asLong()).isEqualTo(12);
        assertThat(result.get("participants").get("ingest").get("resumes").asLong()).isEqualTo(2);
        assertThat(result.get("rows").get("resumes").asLong()).isEqualTo(2);
        assertThat(result.get("rows").has("cache_keys")).as("cache entries are not rows").isFalse();
        assertThat(result.get("cacheKeysEvicted").asLong()).isEqualTo(1);
        assertThat(result.get("files").asLong()).isEqualTo(1);
        assertThat(result.get("resumes").size()).isEqualTo(2);
        assertThat(result.get("tombstones").size()).isEqualTo(2);
        assertThat(result.has("missing")).isFalse();
    }

    @Test
    void aParticipantMissingOneResumeIsMissing() {
        var tally = new ErasureTally(PLAN, List.of(
                new ErasureReport("ingest", "r1", Map.of()), new ErasureReport("ingest", "r2", Map.of()),
                new ErasureReport("scoring", "r1", Map.of()), new ErasureReport("scoring", "r2", Map.of()),
                new ErasureReport("rag", "r1", Map.of())));
        assertThat(tally.complete()).isFalse();
        assertThat(tally.missing()).containsExactly("rag");
        assertThat(tally.progress()).isEqualTo(5 * 100 / 6);
        assertThat(tally.result().get("missing").get(0).asString()).isEqualTo("rag");
    }

    @Test
    void aRepeatedReportCountsOnceAndAnUnlistedParticipantIsShownButNotAwaited() {
        var tally = new ErasureTally(new ErasurePlan(List.of("scoring"), List.of("r1"), null, null), List.of(
                new ErasureReport("scoring", "r1", Map.of("resume_scores", 2L)),
                new ErasureReport("scoring", "r1", Map.of("resume_scores", 0L)),
                new ErasureReport("detection", "r1", Map.of("detections", 0L))));
        assertThat(tally.complete()).isTrue();
        assertThat(tally.progress()).isEqualTo(99);
        assertThat(tally.perParticipant().get("scoring")).containsEntry("resume_scores", 2L);
        assertThat(tally.perParticipant()).containsKey("detection");
    }
}
