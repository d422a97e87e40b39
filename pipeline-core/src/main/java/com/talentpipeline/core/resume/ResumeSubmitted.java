package com.talentpipeline.core.resume;

/**
 * Payload of {@code resume.submitted}: a resume version to process.
 *
 * <p>{@code upload} carries what a consumer needs to know about an uploaded file, so that no
 * service reads the ingest API's {@code resume_files} table: the extracted text the scorers read,
 * and the uploader and file name the results API lists predictions by. {@code userId} is the owner
 * the submission named, for a JSON submission as for a file, so that the results API lists a user's
 * predictions without reading the ingest API's {@code resumes} table.
 *
 * @param resumeId the resume's id
 * @param version  1 for a new resume, incremented on each update
 * @param resume   the validated content
 * @param upload   the uploaded file this version was parsed from; {@code null} for a JSON submission
 * @param userId   the user the submission named as the resume's owner ({@code userId} query parameter or
 *                 form field, as ingest stores it in {@code resumes.user_id}); {@code null} when it named
 *                 none, in which case the resume keeps the owner an earlier version named. Events written
 *                 before this field existed lack it: then an upload's {@code upload.userId} says it.
 */
public record ResumeSubmitted(String resumeId, int version, Resume resume, ResumeUpload upload, String userId) {

    /** A JSON submission naming no user: no file behind the version. */
    public ResumeSubmitted(String resumeId, int version, Resume resume) {
        this(resumeId, version, resume, null, null);
    }

    /** A submission whose owner is the uploader's user id (none for a JSON submission). */
    public ResumeSubmitted(String resumeId, int version, Resume resume, ResumeUpload upload) {
        this(resumeId, version, resume, upload, upload == null ? null : upload.userId());
    }

    /**
     * The owner this submission named: {@link #userId}, else (an event from before that field) the
     * uploader's; {@code null} when none.
     */
    public String ownerUserId() {
        if (userId != null) {
            return userId;
        }
        return upload == null ? null : upload.userId();
    }

    /**
     * The file behind a version.
     *
     * @param userId    the uploader's user id, or {@code null} when none was given
     * @param fileName  the file name the client sent, or {@code null}
     * @param mediaType the detected media type
     * @param text      the extracted text, cut to {@code pipeline.ingest.stored-text-chars}
     * @param textLength the length of the whole extracted text
     * @param location  the candidate's city as the parser read it from the file's contact block, or
     *                  {@code null} (the matching worker's candidate filter reads it)
     */
    public record ResumeUpload(String userId, String fileName, String mediaType, String text, int textLength,
            String location) {

        /** An upload without a parsed location. */
        public ResumeUpload(String userId, String fileName, String mediaType, String text, int textLength) {
            this(userId, fileName, mediaType, text, textLength, null);
        }
    }
}
