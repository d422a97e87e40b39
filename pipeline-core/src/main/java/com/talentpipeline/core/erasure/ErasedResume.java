package com.talentpipeline.core.erasure;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.resume.Resume;
import com.talentpipeline.core.resume.ResumeUpdated;
import java.util.Optional;
import java.util.UUID;

/**
 * What a participant is asked to erase: one resume of one tenant, for one erasure task.
 *
 * @param taskId      the erasure task its report belongs to
 * @param tenantId    the owning tenant
 * @param resumeId    the resume
 * @param version     its last version
 * @param lastContent its last stored content (cache keys derive from it); may be null
 */
public record ErasedResume(UUID taskId, String tenantId, String resumeId, int version, Resume lastContent) {

    /** The erasure announced by a {@code resume.updated} event; empty for a new version. */
    public static Optional<ErasedResume> of(EventEnvelope<ResumeUpdated> envelope) {
        ResumeUpdated update = envelope.payload();
        if (update == null || !update.deleted() || envelope.taskId() == null) {
            return Optional.empty();
        }
        return Optional.of(new ErasedResume(envelope.taskId(), envelope.tenantId(), update.resumeId(),
                update.version(), update.resume()));
    }
}
