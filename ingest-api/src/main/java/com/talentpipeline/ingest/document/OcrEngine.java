package com.talentpipeline.ingest.document;

/**
 * Reads the text in a picture of a page. The extraction code depends on this seam only, so a
 * document without a text layer can be tested and run with OCR switched off (no engine at all).
 */
public interface OcrEngine {

    /**
     * The text of one page image.
     *
     * @param page          8-bit grey image of the page
     * @param dpi           its resolution (rendered PDF pages: the render resolution; photos: an estimate)
     * @param deadlineNanos {@link System#nanoTime()} past which recognition must give up
     * @return the recognised text, possibly blank
     * @throws com.talentpipeline.core.web.ApiProblemException 422 {@code ocr_timeout} past the deadline
     */
    String recognise(java.awt.image.BufferedImage page, int dpi, long deadlineNanos);

    /** Engine, version and language, e.g. {@code tesseract 5.5.1 (eng)}, for the parse report. */
    String name();
}
