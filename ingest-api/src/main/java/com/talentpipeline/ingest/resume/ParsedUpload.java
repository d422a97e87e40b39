package com.talentpipeline.ingest.resume;

import com.talentpipeline.ingest.document.DocumentType;
import com.talentpipeline.ingest.document.ParsedResume;
import com.talentpipeline.ingest.document.TextExtractor;
import java.util.List;

/**
 * An uploaded resume file that was read and parsed into a valid resume.
 *
 * @param bytes     the original file
 * @param type      its type, detected from the content
 * @param sha256    SHA-256 of the bytes (hex)
 * @param text      the extracted text
 * @param parsed    the parse result
 * @param warnings  parse warnings plus extraction ones (e.g. pages left out, text read by OCR)
 * @param ocr       where OCR'd text lies in {@code text}, null when none was OCR'd
 * @param fileName  the client's file name (display only, never used to detect the type), or null
 */
public record ParsedUpload(byte[] bytes, DocumentType type, String sha256, String text, ParsedResume parsed,
        List<String> warnings, TextExtractor.OcrUse ocr, String fileName) {

    /** An upload read without OCR and without a client file name (the bench, tests). */
    public ParsedUpload(byte[] bytes, DocumentType type, String sha256, String text, ParsedResume parsed,
            List<String> warnings) {
        this(bytes, type, sha256, text, parsed, warnings, null, null);
    }

    /** The same upload with the client's file name. */
    ParsedUpload withFileName(String name) {
        return new ParsedUpload(bytes, type, sha256, text, parsed, warnings, ocr, name);
    }
}
