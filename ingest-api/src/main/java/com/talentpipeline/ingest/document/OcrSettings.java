package com.talentpipeline.ingest.document;

import java.time.Duration;

/**
 * Bounds on optical character recognition of one upload.
 *
 * @param dpi            resolution PDF pages are rendered at for OCR (about 300 suits Tesseract)
 * @param maxPages       pages OCR'd at most per document; later pages without text are left out with a warning
 * @param timeout        wall-clock budget for all OCR of one document; past it the upload is 422 {@code ocr_timeout}
 * @param maxImagePixels largest page image (width x height) decoded or rendered; a larger upload is
 *                       422 {@code document_too_complex}, a larger PDF page is rendered at a lower resolution
 * @param minTextChars   a PDF page whose text layer has fewer non-blank characters than this counts as scanned
 */
public record OcrSettings(int dpi, int maxPages, Duration timeout, long maxImagePixels, int minTextChars) {

    /** The defaults of {@code pipeline.ingest.ocr}. */
    public static OcrSettings defaults() {
        return new OcrSettings(300, 10, Duration.ofSeconds(60), 40_000_000L, 20);
    }
}
