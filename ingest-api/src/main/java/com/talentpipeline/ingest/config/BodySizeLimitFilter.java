package com.talentpipeline.ingest.config;

import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.web.ProblemDetailsAdvice;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a body whose declared length is over {@code pipeline.ingest.max-body-size} with 413 before
 * reading it. Bodies without a length are bounded by the codec limit, which the error advice maps to
 * the same 413.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class BodySizeLimitFilter implements WebFilter {

    private final IngestProperties properties;

    public BodySizeLimitFilter(IngestProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        HttpMethod method = exchange.getRequest().getMethod();
        if ((method == HttpMethod.POST || method == HttpMethod.PUT) && length > properties.maxBodySize().toBytes()) {
            var response = exchange.getResponse();
            response.setStatusCode(HttpStatus.CONTENT_TOO_LARGE);
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            var problem = ProblemDetailsAdvice.problem(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large",
                    "The body has " + length + " bytes; at most " + properties.maxBodySize().toBytes()
                            + " are accepted", List.of());
            // Written by hand: the plain mapper lacks Spring's ProblemDetail mix-in that flattens properties.
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", problem.getType().toString());
            body.put("title", problem.getTitle());
            body.put("status", problem.getStatus());
            body.put("detail", problem.getDetail());
            body.put("instance", exchange.getRequest().getPath().value());
            body.putAll(problem.getProperties());
            DataBuffer buffer = response.bufferFactory().wrap(PipelineJson.mapper().writeValueAsBytes(body));
            return response.writeWith(Mono.just(buffer));
        }
        return chain.filter(exchange);
    }
}
