package com.talentpipeline.ingest.resume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.talentpipeline.core.resume.Resume;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.ingest.config.IngestProperties;
import com.talentpipeline.ingest.document.OcrSettings;
import com.talentpipeline.ingest.document.ScannedDocuments;
import com.talentpipeline.ingest.ocr.OcrProperties;
import com.talentpipeline.ingest.ocr.TesseractEngine;
import jakarta.validation.Validation;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * The OCR round trip through the upload path ({@link ResumeUploads#parse}): a text resume rendered to a
 * 300 dpi image with Java2D, wrapped in a PDF that has no text layer (and, separately, uploaded as a PNG),
 * must parse into the same name, e-mail, skills and roles as the text itself. Real Tesseract, real model.
 */
class OcrRoundTripTest {

    static final String TEXT = """
            Grace Hopper
            grace.hopper@example.com | +1 212 555 0199

            Summary
            Compiler engineer who turns English-like programs into machine code.

            Skills
            Java, Python, Kubernetes, Docker, PostgreSQL

            Experience
            Senior Software Engineer, Remington Rand    2015 - 2019
            - Built the first compiler for business data processing.
            Software Engineer | Eckert Mauchly | 2011 - 2014
            - Wrote subroutine libraries for scientific computing.

            Education
            Ph.D. Mathematics, Yale University, 2010
            """;

    static final int DPI = 300;
    static final int FONT_PX = 32;

    static TesseractEngine engine;
    static ResumeUploads withOcr;
    static IngestProperties properties;

    @BeforeAll
    static void engine() {
        engine = new TesseractEngine(ocrProperties(Duration.ofSeconds(60)));
        engine.load();
        assertThat(engine.state()).as(engine.failure()).isEqualTo(TesseractEngine.State.READY);
        properties = new IngestProperties("http://localhost:8081", Duration.ofSeconds(10), Duration.ofSeconds(5),
                DataSize.ofMegabytes(1), DataSize.ofMegabytes(10), Duration.ofSeconds(10), 50, 200_000,
                DataSize.ofMegabytes(64), 1000, 200, 100_000, 40_000_000L);
        withOcr = uploads(engine, OcrSettings.defaults());
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    static OcrProperties ocrProperties(Duration timeout) {
        return new OcrProperties(true, "eng", "", "", DPI, 10, timeout, 1, 40_000_000L, 20, false);
    }

    static ResumeUploads uploads(TesseractEngine engine, OcrSettings settings) {
        return new ResumeUploads(properties, Validation.buildDefaultValidatorFactory().getValidator(),
                engine == null ? null : new ScannedDocuments(engine, settings));
    }

    @Test
    void scannedPdfParsesLikeTheText() {
        ParsedUpload text = withOcr.parse(TEXT.getBytes(StandardCharsets.UTF_8), "text/plain").block();
        assertThat(text.ocr()).isNull();

        byte[] pdf = imagePdf(render(TEXT));
        long started = System.nanoTime();
        ParsedUpload scanned = withOcr.parse(pdf, "application/pdf").block(Duration.ofSeconds(120));
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("OCR of one 300 dpi letter page (%d px font): %d ms in the upload path, %d ms in OCR%n",
                FONT_PX, millis, scanned.ocr().millis());

        // Recognition alone, on this thread: wall and CPU time (the machine may be shared; CPU time is the cost).
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        BufferedImage page = render(TEXT);
        long wall = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        long processCpu = os.getProcessCpuTime();
        String read = engine.recognise(page, DPI, System.nanoTime() + Duration.ofSeconds(60).toNanos());
        System.out.printf("Tesseract recognition of the page: %d ms wall, %d ms CPU on this thread, %d ms CPU in the process%n",
                (System.nanoTime() - wall) / 1_000_000, (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000,
                (os.getProcessCpuTime() - processCpu) / 1_000_000);
        assertThat(read).contains("grace.hopper@example.com");

        assertSameFields(scanned.parsed().resume(), text.parsed().resume());
        assertThat(scanned.ocr().pages()).containsExactly(1);
        assertThat(scanned.warnings()).anyMatch(w -> w.contains("came from OCR"));
        // Provenance says which values OCR read.
        Map<String, Object> provenance = ResumeFileStore.provenance(scanned);
        assertThat(provenance.get("email")).asString().contains("source=ocr");
        assertThat(ResumeFileStore.provenance(text).get("email")).asString().contains("source=text");
    }

    @Test
    void pngUploadParsesLikeTheText() throws IOException {
        ParsedUpload text = withOcr.parse(TEXT.getBytes(StandardCharsets.UTF_8), "text/plain").block();
        ParsedUpload png = withOcr.parse(png(render(TEXT)), "image/png").block(Duration.ofSeconds(120));
        assertSameFields(png.parsed().resume(), text.parsed().resume());
        assertThat(png.type().mediaType()).isEqualTo("image/png");
        assertThat(png.warnings()).anyMatch(w -> w.contains("came from OCR"));
    }

    @Test
    void truncatedImagesAreMalformed() throws IOException {
        byte[] png = png(render(TEXT));
        assertProblem(() -> withOcr.parse(Arrays.copyOf(png, png.length / 2), "image/png").block(),
                "malformed_document");
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        BufferedImage rgb = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(rgb, "jpeg", jpeg);
        byte[] cut = Arrays.copyOf(jpeg.toByteArray(), jpeg.size() / 2);
        assertProblem(() -> withOcr.parse(cut, "image/jpeg").block(), "malformed_document");
        assertProblem(() -> withOcr.parse(png, "image/jpeg").block(), "media_type_mismatch");
    }

    @Test
    void withOcrOffAScanIsNoExtractableText() throws IOException {
        ResumeUploads off = uploads(null, OcrSettings.defaults());
        assertProblem(() -> off.parse(imagePdf(render(TEXT)), "application/pdf").block(), "no_extractable_text");
        assertProblem(() -> off.parse(png(render(TEXT)), "image/png").block(), "no_extractable_text");
    }

    @Test
    void aBlankScanIsNoExtractableTextNotAnInventedResume() throws IOException {
        assertProblem(() -> withOcr.parse(imagePdf(render("")), "application/pdf").block(Duration.ofSeconds(60)),
                "no_extractable_text");
    }

    @Test
    void aBlackScanAndABareSignatureAreNotInventedResumes() {
        // The e2e suite's "scanned" fixture: a black picture without any text, drawn on an A4 page.
        BufferedImage black = new BufferedImage(100, 50, BufferedImage.TYPE_INT_RGB);
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            var picture = LosslessFactory.createFromImage(doc, black);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(picture, 50, 600, 400, 200);
            }
            doc.save(out);
            assertProblem(() -> withOcr.parse(out.toByteArray(), "application/pdf").block(Duration.ofSeconds(60)),
                    "no_extractable_text");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] signatureOnly = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};
        assertProblem(() -> withOcr.parse(signatureOnly, "image/png").block(), "malformed_document");
    }

    @Test
    void anEngineThatCannotLoadIs503NotAGuess() {
        TesseractEngine broken = new TesseractEngine(new OcrProperties(true, "klingon", "", "", DPI, 10,
                Duration.ofSeconds(5), 1, 40_000_000L, 20, false));
        broken.load();
        assertThat(broken.state()).isEqualTo(TesseractEngine.State.FAILED);
        assertThat(broken.failure()).contains("klingon.traineddata");
        ResumeUploads uploads = uploads(broken, OcrSettings.defaults());
        assertThatThrownBy(() -> uploads.parse(png(render(TEXT)), "image/png").block())
                .isInstanceOfSatisfying(ApiProblemException.class, p -> {
                    assertThat(p.code()).isEqualTo("ocr_unavailable");
                    assertThat(p.status().value()).isEqualTo(503);
                });
        // Documents with a text layer do not need the engine.
        assertThat(uploads.parse(TEXT.getBytes(StandardCharsets.UTF_8), "text/plain").block().ocr()).isNull();
    }

    @Test
    void onlyPagesWithoutTextAreReadAndAtMostMaxPages() throws IOException {
        // Page 1 and 3 scanned, page 2 with a text layer.
        byte[] pdf;
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(imagePdf(render(TEXT)));
                PDDocument more = org.apache.pdfbox.Loader.loadPDF(imagePdf(render("Certifications\nAWS Certified Developer, 2021")));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage typed = new PDPage(PDRectangle.LETTER);
            doc.addPage(typed);
            try (PDPageContentStream content = new PDPageContentStream(doc, typed)) {
                content.beginText();
                content.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
                        org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText("Languages: English, French, German and Spanish");
                content.endText();
            }
            doc.importPage(more.getPage(0));
            doc.save(out);
            pdf = out.toByteArray();
        }
        long started = System.nanoTime();
        ParsedUpload all = withOcr.parse(pdf, "application/pdf").block(Duration.ofSeconds(120));
        long perPage = (System.nanoTime() - started) / 1_000_000 / 2;
        System.out.printf("OCR of 2 scanned pages of 3 (one with a text layer): %d ms per page in OCR%n",
                all.ocr().millis() / 2);
        assertThat(all.ocr().pages()).containsExactly(1, 3);
        assertThat(all.text()).contains("Languages: English", "AWS Certified Developer", "grace.hopper@example.com");
        assertThat(perPage).isPositive();

        ResumeUploads onePage = uploads(engine, new OcrSettings(DPI, 1, Duration.ofSeconds(60), 40_000_000L, 20));
        ParsedUpload first = onePage.parse(pdf, "application/pdf").block(Duration.ofSeconds(120));
        assertThat(first.ocr().pages()).containsExactly(1);
        assertThat(first.text()).doesNotContain("AWS Certified");
        assertThat(first.warnings()).anyMatch(w -> w.contains("past the OCR page limit"));
        assertThat(first.parsed().resume().email()).isEqualTo("grace.hopper@example.com");
    }

    @Test
    void ocrPastItsBudgetIsOcrTimeout() {
        ResumeUploads hurried = uploads(engine, new OcrSettings(DPI, 10, Duration.ofMillis(1), 40_000_000L, 20));
        assertProblem(() -> hurried.parse(imagePdf(render(TEXT)), "application/pdf").block(Duration.ofSeconds(60)),
                "ocr_timeout");
    }

    private static void assertSameFields(Resume ocr, Resume text) {
        assertThat(text.email()).isEqualTo("grace.hopper@example.com");
        assertThat(ocr.firstName()).isEqualTo(text.firstName());
        assertThat(ocr.lastName()).isEqualTo(text.lastName());
        assertThat(ocr.email()).isEqualTo(text.email());
        assertThat(names(ocr)).isNotEmpty().containsExactlyInAnyOrderElementsOf(names(text));
        assertThat(ocr.workExperience()).extracting(Resume.WorkExperience::jobTitle)
                .containsExactlyElementsOf(text.workExperience().stream().map(Resume.WorkExperience::jobTitle).toList())
                .contains("Senior Software Engineer");
        assertThat(ocr.workExperience()).extracting(Resume.WorkExperience::company)
                .containsExactlyElementsOf(text.workExperience().stream().map(Resume.WorkExperience::company).toList());
    }

    private static List<String> names(Resume r) {
        return r.skills() == null ? List.of() : r.skills().stream().map(Resume.Skill::name).toList();
    }

    private static void assertProblem(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiProblemException.class,
                p -> assertThat(p.code()).isEqualTo(code));
    }

    /** The text on a white US-letter page at 300 dpi, black DejaVu/SansSerif at {@link #FONT_PX} px. */
    static BufferedImage render(String text) {
        BufferedImage page = new BufferedImage(DPI * 85 / 10, DPI * 11, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, page.getWidth(), page.getHeight());
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, FONT_PX));
            int y = DPI / 2;
            for (String line : text.split("\n", -1)) {
                g.drawString(line.isEmpty() ? " " : line, DPI / 2, y);
                y += FONT_PX * 3 / 2;
            }
        } finally {
            g.dispose();
        }
        return page;
    }

    /** A PDF whose only content is the image, filling one page at the image's 300 dpi size: no text layer. */
    static byte[] imagePdf(BufferedImage image) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(new PDRectangle(image.getWidth() * 72f / DPI, image.getHeight() * 72f / DPI));
            doc.addPage(page);
            var picture = LosslessFactory.createFromImage(doc, image);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(picture, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
