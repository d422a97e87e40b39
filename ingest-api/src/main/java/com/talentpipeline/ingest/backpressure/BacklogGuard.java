package com.talentpipeline.ingest.backpressure;

import com.talentpipeline.core.web.ProblemResponses;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Answers a POST or PUT whose topic's backlog is over {@code max-lag} with 503 {@code backlog_full}
 * and Retry-After before the body is read, so nothing is stored or published. Runs after the
 * other filters (authentication, body size) so those answer first.
 */
class BacklogGuard implements WebFilter, org.springframework.core.Ordered {

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
        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(Math.max(1, properties.retryAfter().toSeconds())));
        return ProblemResponses.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "backlog_full",
                "The workers are " + current + " submissions behind on " + topic + " (at most "
                        + properties.maxLag() + "); nothing was accepted. Retry later.");
    }
}
