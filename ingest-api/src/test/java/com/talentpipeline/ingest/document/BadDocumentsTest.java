package com.talentpipeline.ingest.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.talentpipeline.core.web.ApiProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each kind of bad file ends in its own 4xx problem code. */
class BadDocumentsTest {

    private final TextExtractor extractor = new TextExtractor(ExtractionLimits.defaults());

    private static String code(Throwable e) {
        return ((ApiProblemException) e).code();
    }

    @Test
    void detectsTypesByMagicBytesNotByName() {
        assertThat(DocumentType.detect(TestDocuments.pdf("Hello"))).contains(DocumentType.PDF);
        assertThat(DocumentType.detect(TestDocuments.docx("Hello"))).contains(DocumentType.DOCX);
        assertThat(DocumentType.detect("Hello".getBytes(StandardCharsets.UTF_8))).contains(DocumentType.TEXT);
        assertThat(DocumentType.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2})).isEmpty();
        assertThat(DocumentType.detect(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0})).isEmpty(); // OLE2 .doc
        assertThat(DocumentType.detect(new byte[0])).isEmpty();
        assertThat(DocumentType.PDF.accepts("application/pdf")).isTrue();
        assertThat(DocumentType.PDF.accepts("application/octet-stream")).isTrue();
        assertThat(DocumentType.PDF.accepts(DocumentType.DOCX.mediaType())).isFalse();
        assertThat(DocumentType.TEXT.accepts("text/plain; charset=utf-8")).isTrue();
    }

    @Test
    void scannedPdfHasNoExtractableText() {
        assertThatThrownBy(() -> extractor.extract(TestDocuments.scannedPdf(), DocumentType.PDF))
                .satisfies(e -> assertThat(code(e)).isEqualTo("no_extractable_text"))
                .satisfies(e -> assertThat(((ApiProblemException) e).status().value()).isEqualTo(422));
    }

    @Test
    void passwordProtectedPdfIsRefused() {
        byte[] pdf = TestDocuments.pdf("Jane Doe\njane@example.com", "secret");
        assertThatThrownBy(() -> extractor.extract(pdf, DocumentType.PDF))
                .satisfies(e -> assertThat(code(e)).isEqualTo("encrypted_document"));
    }

    @Test
    void zipBombDocxIsStoppedAtTheInflationLimit() {
        byte[] bomb = TestDocuments.zipBombDocx(80 * 1024 * 1024);
        assertThat(bomb.length).isLessThan(200 * 1024);
        long started = System.nanoTime();
        assertThatThrownBy(() -> extractor.extract(bomb, DocumentType.DOCX))
                .satisfies(e -> assertThat(code(e)).isEqualTo("document_too_complex"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        // Below the size limit, POI's own inflate-ratio check still refuses it.
        assertThatThrownBy(() -> extractor.extract(TestDocuments.zipBombDocx(8 * 1024 * 1024), DocumentType.DOCX))
                .isInstanceOf(ApiProblemException.class)
                .satisfies(e -> assertThat(((ApiProblemException) e).status().is4xxClientError()).isTrue());
    }

    @Test
    void truncatedFilesAreMalformedNotServerErrors() {
        byte[] pdf = TestDocuments.pdf("Jane Doe\njane@example.com");
        byte[] cut = java.util.Arrays.copyOf(pdf, pdf.length / 3);
        assertThatThrownBy(() -> extractor.extract(cut, DocumentType.PDF)).isInstanceOf(ApiProblemException.class);
        byte[] docx = TestDocuments.docx("Jane Doe");
        byte[] cutDocx = java.util.Arrays.copyOf(docx, docx.length / 2);
        assertThatThrownBy(() -> extractor.extract(cutDocx, DocumentType.DOCX)).isInstanceOf(ApiProblemException.class);
    }

    @Test
    void whitespaceOnlyTextIsEmpty() {
        assertThatThrownBy(() -> extractor.extract(" \n\t ".getBytes(StandardCharsets.UTF_8), DocumentType.TEXT))
                .satisfies(e -> assertThat(code(e)).isEqualTo("no_extractable_text"));
    }
}
