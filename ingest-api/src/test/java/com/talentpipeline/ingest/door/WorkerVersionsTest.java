package com.talentpipeline.ingest.door;

import static com.talentpipeline.ingest.door.DoorFixtures.MODEL;
import static com.talentpipeline.ingest.door.DoorFixtures.SCORER;
import static com.talentpipeline.ingest.door.DoorFixtures.T0;
import static com.talentpipeline.ingest.door.DoorFixtures.embedding;
import static com.talentpipeline.ingest.door.DoorFixtures.scoring;
import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.model.WorkerModels;
import com.talentpipeline.core.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The versions every live worker computes with, from model.registry announcements. */
class WorkerVersionsTest {

    private final WorkerVersions versions = new WorkerVersions(Duration.ofSeconds(60));

    @Test
    void liveWorkersThatAgreeGiveTheirModelAndScorerVersions() {
        versions.apply("embedding-worker/a", embedding("a", MODEL, T0));
        versions.apply("embedding-worker/b", embedding("b", MODEL, T0));
        versions.apply("scoring-worker/a", scoring("a", SCORER, T0));

        WorkerVersions.Current current = versions.current(T0.plusSeconds(10));

        assertThat(current.agreed()).isTrue();
        assertThat(current.embeddingModels()).isEqualTo(Set.of(MODEL));
        assertThat(current.scorerVersion()).isEqualTo(SCORER);
    }

    @Test
    void aRollingUpgradeOfEitherWorkerIsNoAgreement() {
        versions.apply("embedding-worker/a", embedding("a", MODEL, T0));
        versions.apply("embedding-worker/b", embedding("b", "all-minilm-l6-v2@ffffffffffff", T0));
        versions.apply("scoring-worker/a", scoring("a", SCORER, T0));
        assertThat(versions.current(T0).embeddingModels()).isNull();
        assertThat(versions.current(T0).agreed()).isFalse();

        versions.apply("embedding-worker/b", embedding("b", MODEL, T0.plusSeconds(1)));
        versions.apply("scoring-worker/b", scoring("b", "resume-scorer-2.0.0+" + MODEL, T0));
        assertThat(versions.current(T0).embeddingModels()).isEqualTo(Set.of(MODEL));
        assertThat(versions.current(T0).scorerVersion()).isNull();
    }

    @Test
    void noLiveInstanceIsNoAgreementAndAStoppedOrSilentOneDoesNotCount() {
        assertThat(versions.current(T0).agreed()).isFalse();

        versions.apply("embedding-worker/a", embedding("a", MODEL, T0));
        versions.apply("scoring-worker/a", scoring("a", SCORER, T0));
        versions.apply("scoring-worker/old", scoring("old", "resume-scorer-0.9.0", T0.minusSeconds(600)));
        assertThat(versions.current(T0).scorerVersion()).isEqualTo(SCORER);

        // Silent for longer than stale-after: as good as gone.
        assertThat(versions.current(T0.plusSeconds(61)).agreed()).isFalse();
        // A tombstone removes the instance at once.
        versions.apply("embedding-worker/a", null);
        assertThat(versions.current(T0).embeddingModels()).isNull();
    }

    @Test
    void aScoringWorkerThatDoesNotAnnounceItsScorerIsNoAgreement() {
        versions.apply("embedding-worker/a", embedding("a", MODEL, T0));
        versions.apply("scoring-worker/a", scoring("a", null, T0));
        assertThat(versions.current(T0).agreed()).isFalse();
    }

    @Test
    void anOlderAnnouncementArrivingLateDoesNotReplaceANewerOne() {
        versions.apply("embedding-worker/a", embedding("a", MODEL, T0.plusSeconds(5)));
        versions.apply("embedding-worker/a", embedding("a", "all-minilm-l6-v2@ffffffffffff", T0));
        assertThat(versions.current(T0).embeddingModels()).isEqualTo(Set.of(MODEL));
    }

    @Test
    void announcementsWithAndWithoutResultVersionsAreReadFromTheTopic() {
        WorkerModels scorer = scoring("a", SCORER, T0);
        byte[] encoded = Topics.MODEL_REGISTRY.encode(EventEnvelope.of(Topics.MODEL_REGISTRY_NAME, null, null,
                scorer.key(), null, null, scorer));
        assertThat(Topics.MODEL_REGISTRY.decode(encoded).payload().results()).containsEntry("resume-score", SCORER);

        // An instance from before result versions were announced: no results, not an unreadable record.
        String old = new String(encoded, StandardCharsets.UTF_8).replaceAll(",\"results\":\\{[^}]*\\}", "");
        assertThat(old).doesNotContain("results");
        WorkerModels decoded = Topics.MODEL_REGISTRY.decode(old.getBytes(StandardCharsets.UTF_8)).payload();
        assertThat(decoded.results()).isEmpty();
        assertThat(decoded.models()).hasSize(1);
    }
}
