package com.talentpipeline.ingest.door;

import com.talentpipeline.core.door.DoorEntries;

/**
 * Whether a submission can be answered at the door: only when every result of it is known for its content
 * (the embedding and the score) and each was computed with the version every live worker computes with now.
 */
final class DoorDecision {

    /** The outcome, as counted in {@code ingest_door_cache_requests_total{outcome}}. */
    public enum Outcome {
        /** Every result known and current: answered at once. */
        HIT,
        /** A result is not known for this content. */
        MISS,
        /** Known, but of another model or scorer version, or the live workers' versions are unknown or mixed. */
        STALE,
        /** Redis or the registry failed or was too slow: the normal path. */
        ERROR;

        /** The metric tag value. */
        public String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private DoorDecision() {
    }

    /**
     * Decides from what the live workers compute with and the entries found (null = absent).
     */
    public static Outcome decide(WorkerVersions.Current current, DoorEntries.Embedding embedding,
            DoorEntries.Score score) {
        if (embedding == null || score == null) {
            return Outcome.MISS;
        }
        if (!current.agreed()) {
            return Outcome.STALE;
        }
        boolean modelCurrent = current.embeddingModels().contains(embedding.model().version());
        boolean scorerCurrent = current.scorerVersion().equals(score.scorerVersion());
        return modelCurrent && scorerCurrent ? Outcome.HIT : Outcome.STALE;
    }
}
