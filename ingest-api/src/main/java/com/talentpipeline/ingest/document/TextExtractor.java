package com.talentpipeline.ingest.document;

import com.talentpipeline.core.web.ApiProblemException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Extracts plain text from a PDF (text layer), DOCX or UTF-8 text file, within {@link ExtractionLimits}.
 * With OCR on ({@link ScannedDocuments}), PDF pages without a text layer and PNG/JPEG uploads are read by
 * OCR; their text follows the text layer's and {@link Extracted#ocr()} says where it is. Every failure is
 * an {@link ApiProblemException} with a 4xx status (503 {@code ocr_unavailable} when a document needs OCR
 * and the engine could not be loaded), never a 500.
 */
public final class TextExtractor {

    /** PDFBox buffers at most this much in memory per document, the rest in a temp file. */
    private static final long PDF_MAIN_MEMORY = 32L * 1024 * 1024;

    private final ExtractionLimits limits;
    private final ScannedDocuments ocr;

    /** Without OCR: a document without a text layer is 422 {@code no_extractable_text}. */
    public TextExtractor(ExtractionLimits limits) {
        this(limits, null);
    }

    /**
     * @param limits bounds of one extraction
     * @param ocr    OCR of scanned pages and images, null when OCR is off
     */
    public TextExtractor(ExtractionLimits limits, ScannedDocuments ocr) {
        this.limits = limits;
        this.ocr = ocr;
    }

    /**
     * The text of the document.
     *
     * @param bytes the file
     * @param type  its detected type
     * @return text with {@code \n} line ends, at most {@code maxChars} long
     * @throws ApiProblemException 422 when there is no text, it is encrypted, malformed or too complex
     */
    public Extracted extract(byte[] bytes, DocumentType type) {
        String text;
        boolean truncated;
        OcrUse ocrUse = null;
        try {
            RawText raw = switch (type) {
                case PDF -> pdf(bytes);
                case DOCX -> docx(bytes);
                case TEXT -> new RawText(new String(bytes, StandardCharsets.UTF_8), false);
                case PNG, JPEG -> new RawText("", false);
            };
            text = normalise(raw.text());
            truncated = raw.truncated();
            ScannedDocuments.OcrText scanned = ocr == null ? null : switch (type) {
                case PDF -> scannedPages(bytes);
                case PNG, JPEG -> ocr.image(bytes, type);
                default -> null;
            };
            if (scanned != null && !scanned.pages().isEmpty()) {
                String read = normalise(scanned.text());
                int start = text.isBlank() ? 0 : text.length() + 1;
                text = text.isBlank() ? read : text + "\n" + read;
                ocrUse = new OcrUse(scanned.pages(), start, text.length(), scanned.millis(), scanned.engine(),
                        scanned.skipped());
                truncated |= scanned.skipped();
            }
        } catch (ApiProblemException e) {
            throw e;
        } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // Broken files make the libraries throw all sorts of unchecked exceptions; all mean "unreadable".
            if (isZipBomb(e)) {
                throw DocumentProblems.tooComplex("The document expands too much when unpacked");
            }
            throw DocumentProblems.malformed(type);
        }
        if (text.length() > limits.maxChars()) {
            text = text.substring(0, limits.maxChars());
            truncated = true;
            if (ocrUse != null) {
                ocrUse = ocrUse.clampedTo(text.length());
            }
        }
        if (text.isBlank()) {
            throw DocumentProblems.noText();
        }
        return new Extracted(text, truncated, ocrUse != null && ocrUse.start() < ocrUse.end() ? ocrUse : null);
    }

    /** OCR of the PDF's pages that have no text layer (loaded a second time: the text-layer pass stays as it is). */
    private ScannedDocuments.OcrText scannedPages(byte[] bytes) throws IOException {
        try (PDDocument doc = Loader.loadPDF(bytes, "", null, null,
                MemoryUsageSetting.setupMixed(PDF_MAIN_MEMORY).streamCache)) {
            return ocr.pdfPages(doc, limits.maxPages());
        } catch (InvalidPasswordException e) {
            throw DocumentProblems.encrypted();
        }
    }

    private RawText pdf(byte[] bytes) throws IOException {
        try (PDDocument doc = Loader.loadPDF(bytes, "", null, null,
                MemoryUsageSetting.setupMixed(PDF_MAIN_MEMORY).streamCache)) {
            int pages = doc.getNumberOfPages();
            // Two-column pages are read column by column (see ColumnTextStripper).
            return new RawText(ColumnTextStripper.text(doc, Math.min(pages, limits.maxPages())), pages > limits.maxPages());
        } catch (InvalidPasswordException e) {
            throw DocumentProblems.encrypted();
        }
    }

    private RawText docx(byte[] bytes) throws IOException {
        ZipBombGuard.check(bytes, limits.maxInflatedBytes());
        ZipSecureFile.setMaxEntrySize(limits.maxInflatedBytes());
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            // Table cells on their own lines (see DocxText), not joined by tabs.
            return new RawText(DocxText.of(doc), false);
        } catch (org.apache.poi.EncryptedDocumentException e) {
            throw DocumentProblems.encrypted();
        }
    }

    /** Unifies line ends and drops characters that only confuse the parser (NUL, soft hyphen, BOM). */
    static String normalise(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n')
                .replace("\u0000", "").replace("\u00AD", "").replace("\uFEFF", "")
                .replace('\u00A0', ' ').replace('\t', ' ');
    }

    private static boolean isZipBomb(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c.getMessage() != null && c.getMessage().toLowerCase().contains("zip bomb")) {
                return true;
            }
        }
        return false;
    }

    private record RawText(String text, boolean truncated) {
    }

    /**
     * Extracted text.
     *
     * @param text      the text, {@code \n} line ends
     * @param truncated whether pages or characters past the limits were left out
     * @param ocr       where OCR'd text is in {@code text}, null when none was OCR'd
     */
    public record Extracted(String text, boolean truncated, OcrUse ocr) {

        /** Text that came from text layers only. */
        public Extracted(String text, boolean truncated) {
            this(text, truncated, null);
        }
    }

    /**
     * The part of the extracted text that OCR read: one block, {@code [start, end)}.
     *
     * @param pages   1-based pages OCR'd (an image upload is page 1)
     * @param start   first character of the OCR'd block in the extracted text
     * @param end     one past its last character
     * @param millis  time OCR took (rendering and recognition)
     * @param engine  engine, version and language
     * @param skipped whether pages without text were left out past the OCR page limit
     */
    public record OcrUse(java.util.List<Integer> pages, int start, int end, long millis, String engine,
            boolean skipped) {

        /** Whether the characters {@code [from, to)} lie in the OCR'd block. */
        public boolean covers(int from, int to) {
            return from >= start && to <= end && from < to;
        }

        OcrUse clampedTo(int length) {
            return new OcrUse(pages, Math.min(start, length), Math.min(end, length), millis, engine, skipped);
        }
    }
}
