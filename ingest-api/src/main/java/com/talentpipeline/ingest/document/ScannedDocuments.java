package com.talentpipeline.ingest.document;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * OCR of what has no text layer: the pages of a PDF whose text layer is (nearly) empty, rendered at
 * {@link OcrSettings#dpi()}, and uploaded PNG/JPEG photos or scans of a resume. Pages are read in order
 * under one deadline ({@link OcrSettings#timeout()}) and at most {@link OcrSettings#maxPages()} of them.
 */
public final class ScannedDocuments {

    /** Resolution assumed for an image upload: photos carry none that can be trusted. */
    static final int IMAGE_DPI = 300;

    private final OcrEngine engine;
    private final OcrSettings settings;

    public ScannedDocuments(OcrEngine engine, OcrSettings settings) {
        this.engine = engine;
        this.settings = settings;
    }

    /** The bounds OCR works under. */
    public OcrSettings settings() {
        return settings;
    }

    /**
     * The OCR'd text of the pages among the first {@code pageLimit} that have no text layer.
     *
     * @return the text (pages separated by a blank line) and which pages were read; no pages when every page has text
     */
    OcrText pdfPages(PDDocument doc, int pageLimit) throws IOException {
        long started = System.nanoTime();
        long deadline = started + settings.timeout().toNanos();
        int pages = Math.min(doc.getNumberOfPages(), pageLimit);
        PDFTextStripper stripper = new PDFTextStripper();
        PDFRenderer renderer = new PDFRenderer(doc);
        StringBuilder text = new StringBuilder();
        List<Integer> read = new ArrayList<>();
        boolean skipped = false;
        for (int i = 0; i < pages; i++) {
            stripper.setStartPage(i + 1);
            stripper.setEndPage(i + 1);
            if (nonBlank(stripper.getText(doc)) >= settings.minTextChars()) {
                continue; // the text layer has this page
            }
            if (read.size() == settings.maxPages()) {
                skipped = true;
                break;
            }
            if (System.nanoTime() > deadline) {
                throw DocumentProblems.ocrTimeout(); // before rendering the next page, not after
            }
            PDPage page = doc.getPage(i);
            float scale = scale(page);
            BufferedImage image = renderer.renderImage(i, scale, ImageType.GRAY);
            String pageText = engine.recognise(image, Math.round(scale * 72), deadline);
            if (!pageText.isBlank()) {
                if (!text.isEmpty()) {
                    text.append("\n\n");
                }
                text.append(pageText.strip());
            }
            read.add(i + 1);
        }
        return new OcrText(text.toString(), read, skipped, millisSince(started), engine.name());
    }

    /** The OCR'd text of a PNG or JPEG upload; 422 {@code malformed_document} when it cannot be decoded whole. */
    OcrText image(byte[] bytes, DocumentType type) {
        long started = System.nanoTime();
        BufferedImage image = decode(bytes, type);
        String text = engine.recognise(grey(image), IMAGE_DPI, started + settings.timeout().toNanos());
        return new OcrText(text.strip(), List.of(1), false, millisSince(started), engine.name());
    }

    /** Render scale for a page: the configured resolution, lowered so the image stays within the pixel bound. */
    private float scale(PDPage page) {
        float scale = settings.dpi() / 72f;
        double points = (double) page.getCropBox().getWidth() * page.getCropBox().getHeight();
        double pixels = points * scale * scale;
        if (pixels > settings.maxImagePixels()) {
            scale = (float) Math.sqrt(settings.maxImagePixels() / points);
        }
        return scale;
    }

    /**
     * Decodes the image, refusing a truncated or corrupt one: ImageIO decodes a cut-off JPEG into a
     * half-grey picture and only warns, so warnings count as failures here. The size is checked from the
     * header before any pixel is decoded (a decompression bomb is refused cheaply).
     */
    private BufferedImage decode(byte[] bytes, DocumentType type) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (in == null || !readers.hasNext()) {
                throw DocumentProblems.malformed(type);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                AtomicReference<String> warning = new AtomicReference<>();
                reader.addIIOReadWarningListener((source, message) -> warning.compareAndSet(null, message));
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > settings.maxImagePixels()) {
                    throw DocumentProblems.tooComplex("The image has " + pixels + " pixels; at most "
                            + settings.maxImagePixels() + " are read");
                }
                BufferedImage image = reader.read(0);
                if (image == null || warning.get() != null) {
                    throw DocumentProblems.malformed(type);
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof com.talentpipeline.core.web.ApiProblemException problem) {
                throw problem;
            }
            throw DocumentProblems.malformed(type);
        }
    }

    /** 8-bit grey on white (transparent pixels become white, not black). */
    static BufferedImage grey(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return grey;
    }

    private static int nonBlank(String text) {
        return (int) text.chars().filter(c -> !Character.isWhitespace(c)).count();
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /**
     * What OCR read.
     *
     * @param text    the text, pages separated by a blank line
     * @param pages   1-based numbers of the pages OCR'd
     * @param skipped whether pages without text were left out past {@link OcrSettings#maxPages()}
     * @param millis  time spent (rendering, decoding and recognition)
     * @param engine  the engine's name and version
     */
    record OcrText(String text, List<Integer> pages, boolean skipped, long millis, String engine) {
    }
}
