package com.talentpipeline.matching.store;

/**
 * A stored resume with what the candidates filters read besides the comparison inputs.
 *
 * @param document the resume's latest version (skills, version, content hash)
 * @param location the candidate's city as parsed from an uploaded file's contact block
 *                 (the upload's {@code location} on {@code resume.submitted}); null for resumes submitted as JSON or without one
 * @param remote   whether the resume mentions remote work (see {@link DocumentStore#REMOTE_PATTERN})
 */
public record StoredResume(StoredDocument document, String location, boolean remote) {

    public String id() {
        return document.id();
    }
}
