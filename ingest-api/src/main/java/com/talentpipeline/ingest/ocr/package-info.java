/**
 * OCR of scanned PDF pages and photographed resumes: Tesseract through the JavaCPP presets (natives from
 * Maven Central jars), the bundled English model, the {@code pipeline.ingest.ocr} settings, background
 * warm-up and the {@code ocr} health contributor. The extraction code sees only
 * {@link com.talentpipeline.ingest.document.OcrEngine}.
 */
package com.talentpipeline.ingest.ocr;
