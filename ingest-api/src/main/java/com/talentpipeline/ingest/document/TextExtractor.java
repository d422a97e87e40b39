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
 * Every failure is an {@link ApiProblemException} with a 4xx status, never a 500.
 */
public final class TextExtractor {

    /** PDFBox buffers at most this much in memory per document, the rest in a temp file. */
    private static final long PDF_MAIN_MEMORY = 32L * 1024 * 1024;

    private final ExtractionLimits limits;

    public TextExtractor(ExtractionLimits limits) {
        this.limits = limits;
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
        try {
            RawText raw = switch (type) {
                case PDF -> pdf(bytes);
                case DOCX -> docx(bytes);
                case TEXT -> new RawText(new String(bytes, StandardCharsets.UTF_8), false);
            };
            text = normalise(raw.text());
            truncated = raw.truncated();
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
        }
        if (text.isBlank()) {
            throw DocumentProblems.noText();
        }
        return new Extracted(text, truncated);
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
     */
    public record Extracted(String text, boolean truncated) {
    }
}
