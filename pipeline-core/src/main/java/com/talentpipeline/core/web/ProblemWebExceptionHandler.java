package com.talentpipeline.core.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * problem+json for errors no controller advice sees: unknown routes (404), a method the route does not
 * allow (405, with {@code Allow}), unacceptable media types, and anything thrown by a filter. Ordered
 * before Spring Boot's default error handler, which would answer with its own JSON shape.
 */
public class ProblemWebExceptionHandler implements WebExceptionHandler, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

    @Override
    public int getOrder() {
        return -2;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        if (ex instanceof ApiProblemException problem) {
            return ProblemResponses.write(exchange, problem.status(), problem.code(), problem.getMessage());
        }
        if (ex instanceof ResponseStatusException status) {
            HttpStatus code = HttpStatus.resolve(status.getStatusCode().value());
            if (code == null) {
                code = HttpStatus.BAD_REQUEST;
            }
            if (status instanceof MethodNotAllowedException notAllowed && !notAllowed.getSupportedMethods().isEmpty()) {
                exchange.getResponse().getHeaders().setAllow(notAllowed.getSupportedMethods());
            }
            String name = switch (code) {
                case NOT_FOUND -> "not_found";
                case METHOD_NOT_ALLOWED -> "method_not_allowed";
                case UNSUPPORTED_MEDIA_TYPE -> "unsupported_media_type";
                case NOT_ACCEPTABLE -> "not_acceptable";
                case CONTENT_TOO_LARGE -> "payload_too_large";
                default -> code.is4xxClientError() ? "bad_request" : "server_error";
            };
            String detail = code == HttpStatus.NOT_FOUND ? "No such resource: " + exchange.getRequest().getPath().value()
                    : status.getReason() == null ? code.getReasonPhrase() : status.getReason();
            return ProblemResponses.write(exchange, code, name, detail);
        }
        if (ProblemDetailsAdvice.isBodyTimeout(ex)) {
            exchange.getResponse().getHeaders().set("Connection", "close");
            return ProblemResponses.write(exchange, HttpStatus.REQUEST_TIMEOUT, "request_timeout",
                    ProblemDetailsAdvice.BODY_TIMEOUT);
        }
        log.error("unexpected error on {}", exchange.getRequest().getPath().value(), ex);
        return ProblemResponses.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "An unexpected error occurred; it has been logged");
    }
}
