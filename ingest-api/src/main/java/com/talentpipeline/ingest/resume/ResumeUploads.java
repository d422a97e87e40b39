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
import com.talentpipeline.ingest.document.TextExtractor;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    public ResumeUploads(IngestProperties properties, Validator validator) {
        this.properties = properties;
        this.extractor = new TextExtractor(properties.extractionLimits());
        this.parser = new ResumeTextParser(SkillVocabulary.defaults());
        this.validator = validator;
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
        return Mono.fromCallable(() -> parseNow(bytes, type))
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(properties.parseTimeout(), Mono.defer(() -> Mono.error(DocumentProblems.timeout())));
    }

    private ParsedUpload parseNow(byte[] bytes, DocumentType type) {
        TextExtractor.Extracted extracted = extractor.extract(bytes, type);
        if (extracted.text().chars().noneMatch(Character::isLetter)) {
            // Digits and punctuation only: nothing a reader could call a resume.
            throw DocumentProblems.noText();
        }
        ParsedResume parsed = parser.parse(extracted.text());
        List<String> warnings = new ArrayList<>(parsed.warnings());
        if (extracted.truncated()) {
            warnings.add("the document is longer than the limits; only its first part was read");
        }
        List<FieldProblem> problems = new ArrayList<>(validator.validate(parsed.resume()).stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList());
        problems.addAll(ResumeRules.check(parsed.resume()));
        if (!problems.isEmpty()) {
            throw DocumentProblems.incomplete(problems);
        }
        return new ParsedUpload(bytes, type, ContentHash.sha256Hex(bytes), extracted.text(), parsed,
                List.copyOf(warnings));
    }

    /** The declared Content-Type of a part, or null. */
    static String declaredType(Part part) {
        var type = part.headers().getContentType();
        return type == null ? null : type.toString();
    }
}
