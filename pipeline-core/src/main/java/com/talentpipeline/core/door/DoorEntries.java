package com.talentpipeline.core.door;

import com.talentpipeline.core.cache.CacheKey;
import com.talentpipeline.core.task.ModelRef;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * The contract of the door cache between its one writer, the results API (which records every SUCCEEDED
 * resume embedding and resume score it stores), and its reader, the ingest API (which answers a
 * submission whose every result is known for its content at once, see {@code DoorCache} there).
 *
 * <p>Entries are keyed by tenant and the content hash of the submission, the one ingest computes and every
 * task event of the submission carries in its envelope; the producer's version is in the value, so a
 * reader can tell a known result of another model or scorer version (stale) from an unknown one (miss).
 * Each entry lives as long as the worker cache entry it mirrors ({@link #EMBEDDING_TTL_KIND},
 * {@link #SCORE_TTL_KIND}): a door hit means the workers answer the event from their caches too. Entries
 * are indexed under the resume id (see {@code ResultCache.remember}) so erasing a resume evicts them.
 */
public final class DoorEntries {

    /** Door entry of a resume's embedding result. */
    public static final String EMBEDDING_KIND = "door-resume-embedding";
    /** Door entry of a resume's score. */
    public static final String SCORE_KIND = "door-resume-score";
    /** The embedding worker's cache kind, whose TTL the embedding entry takes. */
    public static final String EMBEDDING_TTL_KIND = "resume-embedding";
    /** The scoring worker's cache kind, whose TTL the score entry takes (and whose version it records). */
    public static final String SCORE_TTL_KIND = "resume-score";
    /** The service that announces the embedding model on {@code model.registry}. */
    public static final String EMBEDDING_SERVICE = "embedding-worker";
    /** The service that announces the resume scorer's version on {@code model.registry}. */
    public static final String SCORING_SERVICE = "scoring-worker";
    /** Placeholder of the resume id in a stored result link. */
    public static final String RESUME_ID = "{resumeId}";

    // The entry format, in the key's version slot: a change of format is a new key, never a misread.
    private static final String FORMAT = "v1";

    private DoorEntries() {
    }

    /** The key of the tenant's embedding entry for the content. */
    public static CacheKey embeddingKey(String tenantId, String contentHash) {
        return new CacheKey(tenantId, EMBEDDING_KIND, FORMAT, contentHash);
    }

    /** The key of the tenant's score entry for the content. */
    public static CacheKey scoreKey(String tenantId, String contentHash) {
        return new CacheKey(tenantId, SCORE_KIND, FORMAT, contentHash);
    }

    /**
     * A known embedding result.
     *
     * @param model              the model that computed it (its version must be the live workers')
     * @param resultLinkTemplate the worker's result link with the resume id as {@link #RESUME_ID}
     * @param result             the result document of the task (its resume id, version and metrics are
     *                           the original submission's; the reader replaces them)
     */
    public record Embedding(ModelRef model, String resultLinkTemplate, JsonNode result) {

        /** Validates. */
        public Embedding {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(result, "result");
        }

        /** The result link for a resume id. */
        public String resultLink(String resumeId) {
            return resultLinkTemplate == null ? null : resultLinkTemplate.replace(RESUME_ID, resumeId);
        }
    }

    /**
     * A known resume score.
     *
     * @param scorerVersion the scorer version that computed it (must be the live workers')
     */
    public record Score(String scorerVersion) {

        /** Validates. */
        public Score {
            Objects.requireNonNull(scorerVersion, "scorerVersion");
        }
    }
}
