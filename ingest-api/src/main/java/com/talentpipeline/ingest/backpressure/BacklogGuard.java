package com.talentpipeline.ingest.backpressure;

import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.web.ProblemDetailsAdvice;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Answers a POST or PUT whose topic's backlog is over {@code max-lag} with 503 {@code backlog_full}
 * and Retry-After before the body is read, so nothing is stored or published. Runs after the
 * other filters (authentication, body size) so those answer first.
 */
public class BacklogGuard implements WebFilter, org.springframework.core.Ordered {

    private final BackpressureProperties properties;
    private final ConsumerLag lag;
    private final MeterRegistry meters;

    public BacklogGuard(BackpressureProperties properties, ConsumerLag lag, MeterRegistry meters) {
        this.properties = properties;
        this.lag = lag;
        this.meters = meters;
    }

    /** After the other filters (authentication, body size), so those answer first. */
    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE - 100;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpMethod method = exchange.getRequest().getMethod();
        if (!properties.enabled() || (method != HttpMethod.POST && method != HttpMethod.PUT)) {
            return chain.filter(exchange);
        }
        String topic = properties.topicFor(exchange.getRequest().getPath().pathWithinApplication().value());
        if (topic == null) {
            return chain.filter(exchange);
        }
        return lag.of(topic).flatMap(current -> current > properties.maxLag()
                ? refuse(exchange, topic, current)
                : chain.filter(exchange));
    }

    private Mono<Void> refuse(ServerWebExchange exchange, String topic, long current) {
        Counter.builder("pipeline.ingest.backpressure.rejections")
                .description("Submissions refused because the workers' backlog was over the maximum lag")
                .tag("topic", topic)
                .register(meters)
                .increment();
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().set("Retry-After", Long.toString(Math.max(1, properties.retryAfter().toSeconds())));
        var problem = ProblemDetailsAdvice.problem(HttpStatus.SERVICE_UNAVAILABLE, "backlog_full",
                "The workers are " + current + " submissions behind on " + topic + " (at most "
                        + properties.maxLag() + "); nothing was accepted. Retry later.", List.of());
        // Written by hand, as BodySizeLimitFilter does: the plain mapper lacks Spring's ProblemDetail mix-in.
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", exchange.getRequest().getPath().value());
        body.putAll(problem.getProperties());
        return response.writeWith(Mono.just(response.bufferFactory().wrap(PipelineJson.mapper().writeValueAsBytes(body))));
    }
}
