package com.talentpipeline.core.resume;

/**
 * Payload of {@code resume.submitted}: a resume version to process.
 *
 * @param resumeId the resume's id
 * @param version  1 for a new resume, incremented on each update
 * @param resume   the validated content
 */
public record ResumeSubmitted(String resumeId, int version, Resume resume) {
}
