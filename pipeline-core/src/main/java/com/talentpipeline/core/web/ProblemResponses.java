package com.talentpipeline.core.web;

import com.talentpipeline.core.json.PipelineJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes a problem+json body from a filter or exception handler, where no controller advice applies:
 * the same members the advice writes ({@code type, title, status, detail, instance, code}). Every
 * filter that refuses a request (API key, rate limit, body size, back-pressure) answers through it.
 */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    /** Sets status and content type and writes the body of the problem; {@code instance} is the request path. */
    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        ProblemDetail problem = ProblemDetailsAdvice.problem(status, code, detail, List.of());
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        // The same members the advice's converter writes (its properties unwrapped to the top level).
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", String.valueOf(problem.getType()));
        members.put("title", problem.getTitle());
        members.put("status", problem.getStatus());
        members.put("detail", problem.getDetail());
        members.put("instance", exchange.getRequest().getPath().value());
        if (problem.getProperties() != null) {
            members.putAll(problem.getProperties());
        }
        byte[] body = PipelineJson.mapper().writeValueAsBytes(members);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }
}
