package com.talentpipeline.core.resume;

/**
 * Payload of {@code resume.updated}: a resume got a new version (for webhooks such as "resume
 * updated -> re-scored"). Published after the new version's {@code resume.submitted} was acknowledged.
 *
 * @param resumeId the resume
 * @param version  the new version
 * @param source   {@code json} or the stored file's media type
 */
public record ResumeUpdated(String resumeId, int version, String source) {
}
