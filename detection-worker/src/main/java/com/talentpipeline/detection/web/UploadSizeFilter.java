package com.talentpipeline.detection.web;

import com.talentpipeline.core.web.ProblemResponses;
import com.talentpipeline.detection.config.DetectionProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses an upload whose declared length is over the limit with 413 before reading it (two files for
 * compare). Bodies without a length are bounded while the part is read, with the same 413.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class UploadSizeFilter implements WebFilter {

    /** Room for multipart boundaries and part headers. */
    static final long MULTIPART_OVERHEAD = 64 * 1024;

    private final DetectionProperties properties;

    public UploadSizeFilter(DetectionProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (exchange.getRequest().getMethod() != HttpMethod.POST || !path.startsWith("/v1/images")) {
            return chain.filter(exchange);
        }
        long files = path.endsWith("/compare") ? 2 : 1;
        long limit = files * properties.upload().maxSize().toBytes() + MULTIPART_OVERHEAD;
        if (length <= limit) {
            return chain.filter(exchange);
        }
        return ProblemResponses.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "file_too_large",
                "The body has " + length + " bytes; at most " + properties.upload().maxSize().toBytes()
                        + " bytes per image are accepted");
    }
}
