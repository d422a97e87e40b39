package com.talentpipeline.ingest.resume;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A resume as {@code GET /v1/resumes/{id}} shows it.
 *
 * @param resumeId     the resume
 * @param version      its current version (1, then +1 per PUT)
 * @param source       {@code json} or {@code file}
 * @param resume       the structured resume (the schema of {@code POST /v1/resumes})
 * @param file         the original file's details, for file versions
 * @param warnings     what the parser could not do, e.g. "no dates found for 2 roles"
 * @param provenance   field path to {@code {line, start, end, source}} in the extracted text; source is
 *                     {@code ocr} for a value OCR read, {@code text} for one from a text layer
 * @param links        URLs found in the contact block
 * @param undatedRoles roles found without dates (not in {@code resume.workExperience})
 * @param updatedAt    when this version was accepted
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ResumeView(String resumeId, int version, String source, JsonNode resume, FileView file,
        List<String> warnings, JsonNode provenance, JsonNode links, JsonNode undatedRoles, Instant updatedAt) {

    /**
     * The stored original file.
     *
     * @param mediaType     detected type
     * @param sha256        SHA-256 of the bytes
     * @param sizeBytes     size
     * @param userId        the uploader's {@code userId}, if given
     * @param text          the start of the extracted text (at most {@code stored-text-chars})
     * @param textLength    length of the whole extracted text (provenance offsets refer to it)
     * @param textTruncated whether {@code text} is shorter than the extracted text
     * @param fileName      the client's file name, if it sent one
     * @param ocr           when OCR read part of the text: {@code pages}, {@code engine}, {@code millis} and the
     *                      OCR'd block {@code [textStart, textEnd)} of the extracted text; absent otherwise
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FileView(String mediaType, String sha256, int sizeBytes, String userId, String text,
            int textLength, boolean textTruncated, String fileName, JsonNode ocr) {
    }
}
