package com.talentpipeline.ingest.door;

import com.talentpipeline.core.door.DoorEntries;
import com.talentpipeline.core.model.WorkerModels;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest {@code model.registry} announcement of each worker instance, and from them the versions every
 * live embedding and scoring worker computes with now. In memory: the compacted topic is the store, re-read
 * from its start whenever the ingest API starts.
 */
class WorkerVersions {

    private final Map<String, WorkerModels> instances = new ConcurrentHashMap<>();
    private final Duration staleAfter;

    /** @param staleAfter an instance whose last announcement is older is ignored (crashed or cut off) */
    public WorkerVersions(Duration staleAfter) {
        this.staleAfter = staleAfter;
    }

    /** Records an announcement, or forgets the instance on a tombstone ({@code models == null}). */
    public void apply(String key, WorkerModels models) {
        if (models == null) {
            instances.remove(key);
        } else {
            instances.merge(key, models, (old, now) -> now.announcedAt().isBefore(old.announcedAt()) ? old : now);
        }
    }

    /**
     * The versions agreed by every live instance at {@code now}: the embedding workers' model versions (every
     * live instance must announce the same set) and the scoring workers' resume scorer version. A side without
     * a live instance, or whose instances disagree (a rolling upgrade), is null.
     */
    public Current current(Instant now) {
        List<WorkerModels> live = instances.values().stream()
                .filter(w -> !w.announcedAt().plus(staleAfter).isBefore(now))
                .toList();
        Set<String> models = null;
        boolean modelsAgree = true;
        String scorer = null;
        boolean scorersAgree = true;
        for (WorkerModels w : live) {
            if (w.service().equals(DoorEntries.EMBEDDING_SERVICE)) {
                Set<String> own = new HashSet<>();
                w.models().forEach(m -> own.add(m.version()));
                if (models == null) {
                    models = own;
                } else if (!models.equals(own)) {
                    modelsAgree = false;
                }
            } else if (w.service().equals(DoorEntries.SCORING_SERVICE)) {
                String own = w.results().get(DoorEntries.SCORE_TTL_KIND);
                if (own == null || (scorer != null && !scorer.equals(own))) {
                    scorersAgree = false;
                }
                scorer = scorer == null ? own : scorer;
            }
        }
        return new Current(modelsAgree && models != null && !models.isEmpty() ? Set.copyOf(models) : null,
                scorersAgree ? scorer : null);
    }

    /**
     * What the live workers compute with.
     *
     * @param embeddingModels the model versions every live embedding worker serves, null when none is live or
     *                        they differ
     * @param scorerVersion   the resume scorer version of every live scoring worker, null when none is live or
     *                        they differ
     */
    public record Current(Set<String> embeddingModels, String scorerVersion) {

        /** Whether both sides are known and agreed, so a known result can be current. */
        public boolean agreed() {
            return embeddingModels != null && scorerVersion != null;
        }
    }
}
