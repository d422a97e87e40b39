package com.talentpipeline.ingest.door;

import static com.talentpipeline.ingest.door.DoorFixtures.MODEL;
import static com.talentpipeline.ingest.door.DoorFixtures.SCORER;
import static com.talentpipeline.ingest.door.DoorFixtures.embeddingEntry;
import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.door.DoorEntries;
import com.talentpipeline.ingest.door.DoorDecision.Outcome;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A submission is answered at the door only when every result is known and current. */
class DoorDecisionTest {

    private static final WorkerVersions.Current LIVE = new WorkerVersions.Current(Set.of(MODEL), SCORER);

    @Test
    void bothResultsKnownWithTheLiveVersionsIsAHit() {
        assertThat(DoorDecision.decide(LIVE, embeddingEntry(MODEL), new DoorEntries.Score(SCORER)))
                .isEqualTo(Outcome.HIT);
    }

    @Test
    void aResultNotKnownIsAMiss() {
        assertThat(DoorDecision.decide(LIVE, null, new DoorEntries.Score(SCORER))).isEqualTo(Outcome.MISS);
        assertThat(DoorDecision.decide(LIVE, embeddingEntry(MODEL), null)).isEqualTo(Outcome.MISS);
        assertThat(DoorDecision.decide(LIVE, null, null)).isEqualTo(Outcome.MISS);
    }

    @Test
    void aResultOfAnotherModelOrScorerVersionIsStale() {
        assertThat(DoorDecision.decide(LIVE, embeddingEntry("all-minilm-l6-v2@ffffffffffff"),
                new DoorEntries.Score(SCORER))).isEqualTo(Outcome.STALE);
        assertThat(DoorDecision.decide(LIVE, embeddingEntry(MODEL), new DoorEntries.Score("resume-scorer-0.9.0")))
                .isEqualTo(Outcome.STALE);
    }

    @Test
    void unknownOrMixedWorkerVersionsAreStale() {
        var entry = embeddingEntry(MODEL);
        var score = new DoorEntries.Score(SCORER);
        assertThat(DoorDecision.decide(new WorkerVersions.Current(null, SCORER), entry, score)).isEqualTo(Outcome.STALE);
        assertThat(DoorDecision.decide(new WorkerVersions.Current(Set.of(MODEL), null), entry, score))
                .isEqualTo(Outcome.STALE);
    }
}
