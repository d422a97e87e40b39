package com.talentpipeline.ingest.ocr;

import com.talentpipeline.ingest.document.OcrSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code pipeline.ingest.ocr} (environment variables {@code INGEST_OCR_*}, see ingest-api.yml).
 *
 * @param enabled        OCR of PDF pages without a text layer and of PNG/JPEG uploads (default true); off, such
 *                       documents are 422 {@code no_extractable_text}
 * @param language       Tesseract language (default {@code eng}); {@code <language>.traineddata} must be in the tessdata folder
 * @param tessdataPath   folder with the traineddata files; blank (default) = the English model bundled in the
 *                       tess4j jar, extracted once into {@code cacheDir}
 * @param cacheDir       where the bundled model is extracted; blank (default) = {@code ${java.io.tmpdir}/talent-pipeline/tessdata}
 * @param dpi            render resolution of scanned PDF pages (default 300)
 * @param maxPages       pages OCR'd at most per document (default 10)
 * @param timeout        OCR budget per document; past it 422 {@code ocr_timeout} (default 60s)
 * @param concurrency    documents OCR'd at the same time; more wait for a free engine within their timeout (default 1)
 * @param maxImagePixels largest image decoded or page rendered, width x height (default 40000000)
 * @param minTextChars   a PDF page with fewer non-blank text-layer characters is OCR'd (default 20)
 * @param warmUp         load the native libraries and the model in the background at start-up (default true), so
 *                       the first scanned upload does not pay for it
 */
@ConfigurationProperties("pipeline.ingest.ocr")
public record OcrProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("eng") String language,
        @DefaultValue("") String tessdataPath,
        @DefaultValue("") String cacheDir,
        @DefaultValue("300") int dpi,
        @DefaultValue("10") int maxPages,
        @DefaultValue("60s") Duration timeout,
        @DefaultValue("1") int concurrency,
        @DefaultValue("40000000") long maxImagePixels,
        @DefaultValue("20") int minTextChars,
        @DefaultValue("true") boolean warmUp) {

    /** The bounds the extraction works under. */
    public OcrSettings settings() {
        return new OcrSettings(dpi, maxPages, timeout, maxImagePixels, minTextChars);
    }
}
