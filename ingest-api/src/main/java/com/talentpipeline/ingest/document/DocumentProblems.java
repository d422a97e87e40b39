package com.talentpipeline.ingest.document;

import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.core.web.FieldProblem;
import java.util.List;
import org.springframework.http.HttpStatus;

/** The problem+json errors a bad file gets; one place so codes stay stable and documented. */
public final class DocumentProblems {

    private DocumentProblems() {
    }

    /** 400 {@code empty_file}. */
    public static ApiProblemException empty() {
        return fileProblem(HttpStatus.BAD_REQUEST, "empty_file", "The uploaded file is empty");
    }

    /** 413 {@code file_too_large}. */
    public static ApiProblemException tooLarge(long limit) {
        return fileProblem(HttpStatus.CONTENT_TOO_LARGE, "file_too_large",
                "The file is larger than " + limit + " bytes");
    }

    /** 415 {@code unsupported_media_type}: neither PDF, DOCX nor plain text by its content. */
    public static ApiProblemException unsupported() {
        return fileProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                "The file is not a PDF, DOCX, plain-text, PNG or JPEG document (detected from its content)");
    }

    /** 415 {@code media_type_mismatch}: the declared Content-Type contradicts the content. */
    public static ApiProblemException mismatch(String declared, DocumentType detected) {
        return fileProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "media_type_mismatch",
                "The file was declared as " + declared + " but its content is " + detected.mediaType());
    }

    /** 422 {@code no_extractable_text}: no text layer and OCR found none (or OCR is switched off). */
    public static ApiProblemException noText() {
        return fileProblem(HttpStatus.UNPROCESSABLE_CONTENT, "no_extractable_text",
                "The document has no extractable text (no text layer, and OCR is off or read nothing)");
    }

    /** 422 {@code ocr_timeout}: reading scanned pages took longer than {@code pipeline.ingest.ocr.timeout}. */
    public static ApiProblemException ocrTimeout() {
        return fileProblem(HttpStatus.UNPROCESSABLE_CONTENT, "ocr_timeout",
                "Reading the scanned pages (OCR) took longer than allowed; upload fewer pages or a text PDF");
    }

    /**
     * 503 {@code ocr_unavailable}: the document needs OCR but the engine could not be loaded on this server
     * (the {@code ocr} health contributor is DOWN with the reason). Not the client's fault, nothing stored.
     */
    public static ApiProblemException ocrUnavailable() {
        return new ApiProblemException(HttpStatus.SERVICE_UNAVAILABLE, "ocr_unavailable",
                "The document has no text layer and OCR is unavailable on this server; upload a text PDF, DOCX or text file",
                List.of(), null);
    }

    /** 422 {@code encrypted_document}. */
    public static ApiProblemException encrypted() {
        return fileProblem(HttpStatus.UNPROCESSABLE_CONTENT, "encrypted_document",
                "The document is password-protected; upload it without a password");
    }

    /** 422 {@code document_too_complex}: zip bomb or other expansion past the limits. */
    public static ApiProblemException tooComplex(String why) {
        return fileProblem(HttpStatus.UNPROCESSABLE_CONTENT, "document_too_complex", why);
    }

    /** 422 {@code malformed_document}: the content claims a type but cannot be read as it. */
    public static ApiProblemException malformed(DocumentType type) {
        return fileProblem(HttpStatus.UNPROCESSABLE_CONTENT, "malformed_document",
                "The file looks like " + type.mediaType() + " but could not be read");
    }

    /** 422 {@code parse_timeout}. */
    public static ApiProblemException timeout() {
        return fileProblem(HttpStatus.UNPROCESSABLE_CONTENT, "parse_timeout",
                "Reading the document took longer than allowed");
    }

    /** 422 {@code unparseable_resume}: text was found but required fields were not. */
    public static ApiProblemException incomplete(List<FieldProblem> fields) {
        return new ApiProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "unparseable_resume",
                "Required resume fields could not be found in the document: "
                        + String.join(", ", fields.stream().map(FieldProblem::field).toList()), fields, null);
    }

    /** 400 {@code malformed_multipart}: the multipart envelope or a part's headers cannot be read. */
    public static ApiProblemException malformedMultipart(String why) {
        return new ApiProblemException(HttpStatus.BAD_REQUEST, "malformed_multipart",
                "The multipart body could not be read: " + why, List.of(), null);
    }

    private static ApiProblemException fileProblem(HttpStatus status, String code, String detail) {
        return new ApiProblemException(status, code, detail, List.of(new FieldProblem("file", detail)), null);
    }
}
