package com.talentpipeline.ingest.resume;

import com.talentpipeline.core.skill.SkillVocabulary;
import com.talentpipeline.core.hash.ContentHash;
import com.talentpipeline.core.resume.Resume;
import com.talentpipeline.core.web.FieldProblem;
import com.talentpipeline.ingest.config.IngestProperties;
import com.talentpipeline.ingest.document.DocumentProblems;
import com.talentpipeline.ingest.document.DocumentType;
import com.talentpipeline.ingest.document.ParsedResume;
import com.talentpipeline.ingest.document.ResumeTextParser;
import com.talentpipeline.ingest.document.ScannedDocuments;
import com.talentpipeline.ingest.document.TextExtractor;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Reads a multipart {@code file} part within the size limit, detects its type from the bytes,
 * extracts and parses its text off the event loop within the time limit, and validates the result
 * as a {@link Resume}. Every way a file can be bad ends in a 4xx problem, before anything is stored;
 * a readable resume without a name, e-mail or phone is not bad, it is accepted with warnings.
 */
@Component
public class ResumeUploads {

    private final IngestProperties properties;
    private final TextExtractor extractor;
    private final ResumeTextParser parser;
    private final Validator validator;
    /** Extra time a document that may need OCR gets on top of {@code parse-timeout}; zero with OCR off. */
    private final Duration ocrTimeout;

    /** Without OCR. */
    public ResumeUploads(IngestProperties properties, Validator validator) {
        this(properties, validator, (ScannedDocuments) null);
    }

    @Autowired
    public ResumeUploads(IngestProperties properties, Validator validator, ObjectProvider<ScannedDocuments> ocr) {
        this(properties, validator, ocr.getIfAvailable());
    }

    /**
     * @param ocr OCR of scanned pages and images, null when {@code pipeline.ingest.ocr.enabled} is false
     */
    public ResumeUploads(IngestProperties properties, Validator validator, ScannedDocuments ocr) {
        this.properties = properties;
        this.extractor = new TextExtractor(properties.extractionLimits(), ocr);
        this.parser = new ResumeTextParser(SkillVocabulary.defaults());
        this.validator = validator;
        this.ocrTimeout = ocr == null ? Duration.ZERO : ocr.settings().timeout();
    }

    /** The part's bytes; 413 {@code file_too_large} past {@code max-file-size}, 400 {@code empty_file} when empty. */
    Mono<byte[]> read(Part part) {
        long limit = properties.maxFileSize().toBytes();
        return DataBufferUtils.join(part.content(), (int) Math.min(Integer.MAX_VALUE, limit))
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .onErrorMap(DataBufferLimitException.class, e -> DocumentProblems.tooLarge(limit))
                .filter(bytes -> bytes.length > 0)
                .switchIfEmpty(Mono.error(DocumentProblems::empty));
    }

    /**
     * Detects, extracts, parses and validates; CPU work runs on the bounded-elastic pool, cut off at the timeout.
     * Public for the parsing benchmark, which measures exactly this path.
     */
    public Mono<ParsedUpload> parse(byte[] bytes, String declaredType) {
        DocumentType type = DocumentType.detect(bytes).orElseThrow(DocumentProblems::unsupported);
        if (!type.accepts(declaredType)) {
            return Mono.error(DocumentProblems.mismatch(declaredType, type));
        }
        // OCR (scanned PDF pages, images) is bounded by its own deadline inside the extraction, which
        // answers ocr_timeout; this outer bound only catches what is still running after both budgets.
        Duration budget = type == DocumentType.PDF || type.isImage()
                ? properties.parseTimeout().plus(ocrTimeout) : properties.parseTimeout();
        return Mono.fromCallable(() -> parseNow(bytes, type))
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(budget, Mono.defer(() -> Mono.error(DocumentProblems.timeout())));
    }

    private ParsedUpload parseNow(byte[] bytes, DocumentType type) {
        TextExtractor.Extracted extracted = extractor.extract(bytes, type);
        if (extracted.text().chars().noneMatch(Character::isLetter)) {
            // Digits and punctuation only: nothing a reader could call a resume.
            throw DocumentProblems.noText();
        }
        ParsedResume parsed = parser.parse(extracted.text());
        List<String> warnings = new ArrayList<>(parsed.warnings());
        if (extracted.ocr() != null) {
            warnings.add(ocrWarning(extracted.ocr()));
        }
        if (extracted.truncated()) {
            warnings.add("the document is longer than the limits; only its first part was read");
        }
        List<FieldProblem> problems = new ArrayList<>(validator.validate(parsed.resume()).stream()
                .map(v -> new FieldProblem(
                        com.talentpipeline.core.web.wire.WireNames.snakePath(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList());
        problems.addAll(ResumeRules.check(parsed.resume()));
        if (!problems.isEmpty()) {
            throw DocumentProblems.incomplete(problems);
        }
        return new ParsedUpload(bytes, type, ContentHash.sha256Hex(bytes), extracted.text(), parsed,
                List.copyOf(warnings), extracted.ocr(), null);
    }

    /** The warning an OCR'd document carries: OCR misreads characters, so its fields deserve a look. */
    static String ocrWarning(TextExtractor.OcrUse ocr) {
        String pages = ocr.pages().stream().map(String::valueOf).collect(Collectors.joining(", "));
        return "text of page" + (ocr.pages().size() == 1 ? " " : "s ") + pages + " came from OCR (" + ocr.engine()
                + "), not a text layer; names, e-mail addresses and dates may be misread"
                + (ocr.skipped() ? "; pages past the OCR page limit were not read" : "");
    }

    /**
     * The client's file name of a part, for display: the last path segment, without control characters,
     * at most 255 characters; null when there is none.
     */
    static String fileName(Part part) {
        if (!(part instanceof org.springframework.http.codec.multipart.FilePart file) || file.filename() == null) {
            return null;
        }
        String name = file.filename().replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            return null;
        }
        return name.length() > 255 ? name.substring(0, 255) : name;
    }

    /** The declared Content-Type of a part, or null. */
    static String declaredType(Part part) {
        var type = part.headers().getContentType();
        return type == null ? null : type.toString();
    }
}
