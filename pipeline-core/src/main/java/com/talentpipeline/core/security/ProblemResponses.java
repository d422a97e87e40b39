package com.talentpipeline.core.security;

import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.web.ProblemDetailsAdvice;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;

/** Writes a problem+json body from a filter, where no controller advice applies. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    /** Sets status and content type and writes the body of the problem. */
    public static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetailsAdvice.problem(status, code, detail, List.of());
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        // The same members the advice's converter writes (its properties unwrapped to the top level).
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", String.valueOf(problem.getType()));
        members.put("title", problem.getTitle());
        members.put("status", problem.getStatus());
        members.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            members.putAll(problem.getProperties());
        }
        byte[] body = PipelineJson.mapper().writeValueAsBytes(members);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }
}
