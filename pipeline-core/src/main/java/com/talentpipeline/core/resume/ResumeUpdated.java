package com.talentpipeline.core.resume;

/**
 * Payload of {@code resume.updated}: a resume got a new version (for webhooks such as "resume
 * updated -> re-scored"), published after the new version's {@code resume.submitted} was acknowledged;
 * or it was erased ({@code source = deleted}), published before its rows are removed, carrying its last
 * stored content so the workers can evict the cache entries derived from it (only they know their
 * model versions, which are part of the cache keys).
 *
 * @param resumeId the resume
 * @param version  the new version (the last one, on erasure)
 * @param source   {@code json} or {@code file} for a new version, {@link #DELETED} for an erasure
 * @param resume   the last stored content on erasure; null for a new version
 */
public record ResumeUpdated(String resumeId, int version, String source, Resume resume) {

    /** The {@code source} of an erasure. */
    public static final String DELETED = "deleted";

    /** A new version. */
    public ResumeUpdated(String resumeId, int version, String source) {
        this(resumeId, version, source, null);
    }

    /** Whether this announces an erasure. */
    public boolean deleted() {
        return DELETED.equals(source);
    }
}
