package com.talentpipeline.core.security;

import com.talentpipeline.core.tenant.RequestTenant;
import com.talentpipeline.core.web.ProblemResponses;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Guards every {@code /v1/**} path: the key comes as {@code Authorization: Bearer <key>} or
 * {@code X-API-Key}; a missing, unknown or revoked key is 401 problem+json with
 * {@code WWW-Authenticate: Bearer}; an exhausted bucket is 429 with {@code Retry-After}. The key's
 * tenant goes to {@link RequestTenant#ATTRIBUTE}. Actuator, OpenAPI and admin paths are not under
 * {@code /v1} and stay as they are.
 */
public class ApiKeyWebFilter implements WebFilter, Ordered {

    /** Exchange attribute holding the id of the key that authenticated the request. */
    public static final String KEY_ID_ATTRIBUTE = "talentpipeline.apiKeyId";

    private final ApiKeyAuthenticator authenticator;
    private final RateLimiter limiter;
    private final MeterRegistry meters;

    public ApiKeyWebFilter(ApiKeyAuthenticator authenticator, RateLimiter limiter, MeterRegistry meters) {
        this.authenticator = authenticator;
        this.limiter = limiter;
        this.meters = meters;
    }

    @Override
    public int getOrder() {
        // Before everything that reads the body or does work for the caller.
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    /** Marks a failed key look-up (as opposed to an unknown key). */
    private static final Optional<ApiKey> STORE_FAILED = Optional.of(new ApiKey(null, null, null, null, null, null, null, null));

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().pathWithinApplication().value();
        if (!path.equals("/v1") && !path.startsWith("/v1/")) {
            return chain.filter(exchange);
        }
        String secret = presented(request);
        if (secret == null) {
            return unauthorized(exchange, "missing_api_key",
                    "Send an API key as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'");
        }
        return authenticator.authenticate(secret)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                // The key store (PostgreSQL) not answering is an outage, not a bad key: 503, retry later.
                .onErrorResume(e -> Mono.just(STORE_FAILED))
                .flatMap(found -> {
                    if (found == STORE_FAILED) {
                        return unavailable(exchange).thenReturn(true);
                    }
                    if (found.isEmpty()) {
                        return unauthorized(exchange, "invalid_api_key", "The API key is unknown or revoked")
                                .thenReturn(true);
                    }
                    ApiKey key = found.get();
                    exchange.getAttributes().put(RequestTenant.ATTRIBUTE, key.tenantId());
                    exchange.getAttributes().put(KEY_ID_ATTRIBUTE, key.id());
                    if (limiter == null) {
                        return chain.filter(exchange).thenReturn(true);
                    }
                    return limiter.consume(key)
                            .map(decision -> {
                                headers(exchange.getResponse(), decision);
                                return decision.allowed();
                            })
                            .defaultIfEmpty(true)
                            .flatMap(allowed -> allowed ? chain.filter(exchange).thenReturn(true)
                                    : tooMany(exchange).thenReturn(true));
                })
                .then();
    }

    private static String presented(ServerHttpRequest request) {
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String key = authorization.substring(7).strip();
            return key.isEmpty() ? null : key;
        }
        String header = request.getHeaders().getFirst("X-API-Key");
        return header == null || header.isBlank() ? null : header.strip();
    }

    private static void headers(ServerHttpResponse response, RateLimiter.Decision decision) {
        HttpHeaders headers = response.getHeaders();
        headers.set("RateLimit-Limit", Integer.toString(decision.limit()));
        headers.set("RateLimit-Remaining", Long.toString(decision.remaining()));
        headers.set("RateLimit-Reset", Long.toString(seconds(decision.reset().toMillis())));
        if (!decision.allowed()) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, seconds(decision.retryAfter().toMillis()))));
        }
    }

    private static long seconds(long millis) {
        return (millis + 999) / 1000;
    }

    private Mono<Void> unauthorized(ServerWebExchange exchange, String code, String detail) {
        meters.counter("pipeline.auth.failures", "reason", code).increment();
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return ProblemResponses.write(exchange, HttpStatus.UNAUTHORIZED, code, detail);
    }

    private Mono<Void> unavailable(ServerWebExchange exchange) {
        meters.counter("pipeline.auth.failures", "reason", "store_unavailable").increment();
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
        return ProblemResponses.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                "The API key could not be checked right now; retry after the number of seconds in Retry-After");
    }

    private Mono<Void> tooMany(ServerWebExchange exchange) {
        meters.counter("pipeline.rate.limited").increment();
        return ProblemResponses.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
                "Too many requests for this API key; retry after the number of seconds in Retry-After");
    }
}
