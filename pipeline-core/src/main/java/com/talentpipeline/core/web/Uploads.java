package com.talentpipeline.core.web;

import java.util.List;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Reads multipart forms and their file parts within the size limit; every bad form is a 4xx. */
public final class Uploads {

    /** A file part's bytes and its client-side name (kept only as metadata, never trusted for the type). */
    public record Upload(byte[] bytes, String fileName) {
    }

    private Uploads() {
    }

    /** The multipart form: 413 past {@code limit}, 400 for a form that cannot be read. */
    public static Mono<MultiValueMap<String, Part>> form(ServerWebExchange exchange, long limit) {
        return exchange.getMultipartData()
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge(limit))
                .onErrorMap(DecodingException.class, e -> malformed())
                .onErrorMap(InvalidMediaTypeException.class, e -> malformed());
    }

    /** The named part's bytes: 400 when missing or empty, 413 past {@code limit}. */
    public static Mono<Upload> file(MultiValueMap<String, Part> form, String name, long limit) {
        Part part = form.getFirst(name);
        if (part == null) {
            return Mono.error(new ApiProblemException(HttpStatus.BAD_REQUEST, "missing_file",
                    "The multipart body needs a '" + name + "' part", List.of(new FieldProblem(name, "is required")), null));
        }
        String fileName = part instanceof FilePart f ? f.filename() : null;
        return DataBufferUtils.join(part.content(), (int) Math.min(Integer.MAX_VALUE, limit))
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge(limit))
                .filter(bytes -> bytes.length > 0)
                .switchIfEmpty(Mono.error(() -> new ApiProblemException(HttpStatus.BAD_REQUEST, "empty_file",
                        "The '" + name + "' part is empty", List.of(new FieldProblem(name, "must not be empty")), null)))
                .map(bytes -> new Upload(bytes, fileName));
    }

    /** 413 {@code file_too_large}. */
    public static ApiProblemException tooLarge(long limit) {
        return new ApiProblemException(HttpStatus.CONTENT_TOO_LARGE, "file_too_large",
                "The file is larger than " + limit + " bytes", List.of(new FieldProblem("file", "at most " + limit + " bytes")),
                null);
    }

    private static ApiProblemException malformed() {
        return new ApiProblemException(HttpStatus.BAD_REQUEST, "malformed_multipart",
                "The body is not a readable multipart/form-data form", List.of(), null);
    }
}
