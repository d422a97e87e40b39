package com.talentpipeline.core.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * An error the API reports to the client as problem+json with a stable machine-readable
 * {@code code} and, where it concerns input, the offending fields.
 */
public class ApiProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<FieldProblem> fields;
    private final Duration retryAfter;

    public ApiProblemException(HttpStatus status, String code, String detail) {
        this(status, code, detail, List.of(), null);
    }

    public ApiProblemException(HttpStatus status, String code, String detail, List<FieldProblem> fields,
            Duration retryAfter) {
        super(detail);
        this.status = status;
        this.code = code;
        this.fields = List.copyOf(fields);
        this.retryAfter = retryAfter;
    }

    /** 404 for an id the caller cannot see. */
    public static ApiProblemException notFound(String what, String id) {
        return new ApiProblemException(HttpStatus.NOT_FOUND, "not_found", what + " " + id + " was not found");
    }

    /** 503 with Retry-After, for a dependency that is down (nothing was accepted). */
    public static ApiProblemException unavailable(String detail, Duration retryAfter) {
        return new ApiProblemException(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", detail, List.of(), retryAfter);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldProblem> fields() {
        return fields;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The problem type URI, derived from the code. */
    public URI type() {
        return ProblemTypes.of(code);
    }
}
