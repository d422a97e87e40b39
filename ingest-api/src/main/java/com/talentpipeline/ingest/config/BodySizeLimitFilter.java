package com.talentpipeline.ingest.config;

import com.talentpipeline.core.web.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
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

    /** Room for multipart boundaries, part headers and the small form fields next to the file. */
    static final long MULTIPART_OVERHEAD = 64 * 1024;

    private final IngestProperties properties;

    public BodySizeLimitFilter(IngestProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        HttpMethod method = exchange.getRequest().getMethod();
        // Multipart uploads carry a resume file: they may reach the file limit (plus room for the
        // multipart envelope and the small userId part); JSON keeps the 1MB limit.
        MediaType contentType = exchange.getRequest().getHeaders().getContentType();
        boolean multipart = contentType != null && MediaType.MULTIPART_FORM_DATA.isCompatibleWith(contentType);
        // POST /v1/images/compare carries two images.
        long files = exchange.getRequest().getPath().value().endsWith("/images/compare") ? 2 : 1;
        long limit = multipart ? files * properties.maxFileSize().toBytes() + MULTIPART_OVERHEAD
                : properties.maxBodySize().toBytes();
        if ((method == HttpMethod.POST || method == HttpMethod.PUT) && length > limit) {
            return ProblemResponses.write(exchange, HttpStatus.CONTENT_TOO_LARGE,
                    multipart ? "file_too_large" : "payload_too_large",
                    "The body has " + length + " bytes; at most " + limit + " are accepted");
        }
        return chain.filter(exchange);
    }
}
