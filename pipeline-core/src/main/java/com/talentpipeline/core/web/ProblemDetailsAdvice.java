package com.talentpipeline.core.web;

import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;

/**
 * Turns every error into an RFC 9457 {@code application/problem+json} body with a {@code code} and,
 * for input errors, {@code errors[{field, message}]} naming the offending fields. Unexpected
 * exceptions become a 500 without internals; everything the client can fix is a 4xx.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ApiProblemException.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblemException e) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(e.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (e.retryAfter() != null) {
            builder.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())));
        }
        return builder.body(problem(e.status(), e.code(), e.getMessage(), e.fields()));
    }

    @ExceptionHandler(WebExchangeBindException.class)
    ResponseEntity<ProblemDetail> invalid(WebExchangeBindException e) {
        List<FieldProblem> fields = new ArrayList<>();
        e.getFieldErrors().forEach(f -> fields.add(new FieldProblem(
                com.talentpipeline.core.web.wire.WireNames.snakePath(f.getField()), f.getDefaultMessage())));
        e.getGlobalErrors().forEach(g -> fields.add(new FieldProblem(g.getObjectName(), g.getDefaultMessage())));
        fields.sort(Comparator.comparing(FieldProblem::field));
        return respond(HttpStatus.BAD_REQUEST, "validation_failed", "The request has invalid fields: "
                + String.join(", ", fields.stream().map(FieldProblem::field).toList()), fields);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> violated(ConstraintViolationException e) {
        List<FieldProblem> fields = e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        return respond(HttpStatus.BAD_REQUEST, "validation_failed", "The request has invalid fields", fields);
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> unreadable(ServerWebInputException e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof DataBufferLimitException) {
                return tooLarge();
            }
            if (cause instanceof JacksonException jackson) {
                return fromJackson(jackson);
            }
            cause = cause.getCause();
        }
        if (e.getMethodParameter() != null && e.getMethodParameter().getParameterName() != null) {
            String name = e.getMethodParameter().getParameterName();
            return respond(HttpStatus.BAD_REQUEST, "invalid_parameter", e.getReason(),
                    List.of(new FieldProblem(name, e.getReason())));
        }
        if (e.getCause() instanceof DecodingException) {
            return respond(HttpStatus.BAD_REQUEST, "malformed_body", "The body is not valid JSON", List.of());
        }
        return respond(HttpStatus.BAD_REQUEST, "bad_request",
                e.getReason() == null ? "The request could not be read" : e.getReason(), List.of());
    }

    @ExceptionHandler(DataBufferLimitException.class)
    ResponseEntity<ProblemDetail> limit(DataBufferLimitException e) {
        return tooLarge();
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> status(ResponseStatusException e) {
        HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
        if (status == null) {
            status = HttpStatus.BAD_REQUEST;
        }
        String code = switch (status) {
            case NOT_FOUND -> "not_found";
            case METHOD_NOT_ALLOWED -> "method_not_allowed";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported_media_type";
            case NOT_ACCEPTABLE -> "not_acceptable";
            case CONTENT_TOO_LARGE -> "payload_too_large";
            default -> status.is4xxClientError() ? "bad_request" : "server_error";
        };
        ResponseEntity<ProblemDetail> response = respond(status, code,
                e.getReason() == null ? status.getReasonPhrase() : e.getReason(), List.of());
        // Keep the exception's headers (Allow on 405, Accept on 415).
        return ResponseEntity.status(response.getStatusCode()).headers(e.getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(response.getBody());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (isBodyTimeout(e)) {
            return ResponseEntity.status(HttpStatus.REQUEST_TIMEOUT).header("Connection", "close")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(respond(HttpStatus.REQUEST_TIMEOUT, "request_timeout", BODY_TIMEOUT, List.of()).getBody());
        }
        log.error("unexpected error", e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "An unexpected error occurred; it has been logged", List.of());
    }

    static final String BODY_TIMEOUT =
            "The request body did not arrive in time (shorter than its Content-Length?); the connection is closed";

    /**
     * Whether reading the request body timed out (Netty's read or request timeout, see
     * {@code pipeline.security.read-timeout}): the client's fault, a 408, not a 500.
     */
    static boolean isBodyTimeout(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String name = c.getClass().getName();
            if ((name.startsWith("io.netty.") || name.startsWith("reactor.netty.")) && name.endsWith("TimeoutException")) {
                return true;
            }
        }
        return false;
    }

    private ResponseEntity<ProblemDetail> fromJackson(JacksonException e) {
        String path = JsonPaths.of(e);
        String message = e.getOriginalMessage();
        Throwable root = e.getCause();
        if (root instanceof IllegalArgumentException iae && iae.getMessage() != null) {
            message = iae.getMessage(); // our enums explain the allowed values
        }
        if (path.isEmpty()) {
            return respond(HttpStatus.BAD_REQUEST, "malformed_body", "The body is not valid JSON: "
                    + shorten(message), List.of());
        }
        return respond(HttpStatus.BAD_REQUEST, "invalid_field", "Field '" + path + "' has an invalid value",
                List.of(new FieldProblem(path, shorten(message))));
    }

    private ResponseEntity<ProblemDetail> tooLarge() {
        return respond(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large",
                "The request body is larger than this endpoint accepts", List.of());
    }

    private static String shorten(String message) {
        if (message == null) {
            return "invalid value";
        }
        int cut = message.indexOf('\n');
        String line = cut > 0 ? message.substring(0, cut) : message;
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    private ResponseEntity<ProblemDetail> respond(HttpStatus status, String code, String detail,
            List<FieldProblem> fields) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(status, code, detail, fields));
    }

    /** Builds the body; public so filters outside the advice can write the same shape. */
    public static ProblemDetail problem(HttpStatus status, String code, String detail, List<FieldProblem> fields) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.of(code));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        if (!fields.isEmpty()) {
            problem.setProperty("errors", fields);
        }
        return problem;
    }
}
