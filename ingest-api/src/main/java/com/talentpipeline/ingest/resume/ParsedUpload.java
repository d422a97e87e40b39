package com.talentpipeline.ingest.resume;

import com.talentpipeline.ingest.document.DocumentType;
import com.talentpipeline.ingest.document.ParsedResume;
import java.util.List;

/**
 * An uploaded resume file that was read and parsed into a valid resume.
 *
 * @param bytes     the original file
 * @param type      its type, detected from the content
 * @param sha256    SHA-256 of the bytes (hex)
 * @param text      the extracted text
 * @param parsed    the parse result
 * @param warnings  parse warnings plus extraction ones (e.g. pages left out)
 */
public record ParsedUpload(byte[] bytes, DocumentType type, String sha256, String text, ParsedResume parsed,
        List<String> warnings) {
}
