package com.talentpipeline.core.security;

import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.web.ProblemDetailsAdvice;
import java.util.List;
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
        byte[] body = PipelineJson.mapper().writeValueAsBytes(problem);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }
}
