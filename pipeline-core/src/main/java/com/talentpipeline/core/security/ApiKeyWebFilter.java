package com.talentpipeline.core.security;

import com.talentpipeline.core.task.Tenants;
import com.talentpipeline.core.tenant.RequestTenant;
import com.talentpipeline.core.web.ProblemResponses;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
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
 * The one access decision of every service, for every request: first the path must be written
 * canonically ({@link RequestPaths#problem}: 400, or 414 when too long), then the canonical path's
 * {@link AccessPolicy} decides. Health probes and API docs are public; other actuator endpoints need
 * the metrics or admin key; {@code /admin/**} the admin key; everything else (known route or not) a
 * tenant key, sent as {@code Authorization: Bearer <key>} or {@code X-API-Key}. A missing, unknown or
 * revoked key is 401 problem+json with {@code WWW-Authenticate: Bearer}; an exhausted bucket is 429
 * with {@code Retry-After}; too many look-ups of unknown keys from one address are 429 too. The key's
 * tenant goes to {@link RequestTenant#ATTRIBUTE}. With security disabled, every tenant path runs as
 * the default tenant (development only), but paths are still checked.
 */
class ApiKeyWebFilter implements WebFilter, Ordered {

    /** Exchange attribute holding the id of the key that authenticated the request. */
    public static final String KEY_ID_ATTRIBUTE = "talentpipeline.apiKeyId";

    private final ApiKeyAuthenticator authenticator;
    private final RateLimiter limiter;
    private final MeterRegistry meters;
    private final SecurityProperties properties;
    private final FailedAuthThrottle throttle;
    private final ClientAddress clientAddress;

    /** A filter with security on, default settings and no key for operators (unit tests). */
    public ApiKeyWebFilter(ApiKeyAuthenticator authenticator, RateLimiter limiter, MeterRegistry meters) {
        this(authenticator, limiter, meters, SecurityProperties.defaults());
    }

    /**
     * @param authenticator resolves tenant keys; null when this service has no key store (tenant paths are then 404)
     * @param limiter       per-key rate limit, or null for none
     */
    public ApiKeyWebFilter(ApiKeyAuthenticator authenticator, RateLimiter limiter, MeterRegistry meters,
            SecurityProperties properties) {
        this.authenticator = authenticator;
        this.limiter = limiter;
        this.meters = meters;
        this.properties = properties;
        this.clientAddress = new ClientAddress(properties.failedAuth().trustedProxies());
        this.throttle = new FailedAuthThrottle(properties.failedAuth().capacity(),
                properties.failedAuth().refillPerSecond());
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
        Optional<String> malformed = RequestPaths.problem(request);
        if (malformed.isPresent()) {
            meters.counter("pipeline.auth.failures", "reason", "non_canonical_path").increment();
            String raw = request.getURI().getRawPath();
            boolean tooLong = raw != null && raw.length() > RequestPaths.MAX_PATH_LENGTH;
            return ProblemResponses.write(exchange, tooLong ? HttpStatus.URI_TOO_LONG : HttpStatus.BAD_REQUEST,
                    tooLong ? "uri_too_long" : "non_canonical_path", malformed.get());
        }
        AccessPolicy policy = AccessPolicy.of(RequestPaths.canonical(request));
        if (policy == AccessPolicy.PUBLIC) {
            return chain.filter(exchange);
        }
        if (!properties.enabled()) {
            exchange.getAttributes().put(RequestTenant.ATTRIBUTE, Tenants.DEFAULT);
            return chain.filter(exchange);
        }
        String secret = presented(request);
        return switch (policy) {
            case ADMIN -> admin(exchange, chain, secret);
            case OPERATOR -> operator(exchange, chain, secret);
            default -> tenant(exchange, chain, secret);
        };
    }

    private Mono<Void> admin(ServerWebExchange exchange, WebFilterChain chain, String secret) {
        String admin = properties.adminKey();
        if (admin == null || admin.isBlank()) {
            // No admin key configured: the admin API does not exist for callers.
            return ProblemResponses.write(exchange, HttpStatus.NOT_FOUND, "not_found", "No such endpoint");
        }
        String presented = exchange.getRequest().getHeaders().getFirst("X-Admin-Key");
        if (ApiKeys.sameSecret(admin, presented != null ? presented.strip() : secret)) {
            return chain.filter(exchange);
        }
        return unauthorized(exchange, "invalid_admin_key", "The admin key is missing or wrong");
    }

    private Mono<Void> operator(ServerWebExchange exchange, WebFilterChain chain, String secret) {
        String metrics = properties.metricsKey();
        String admin = properties.adminKey();
        boolean metricsOk = metrics != null && !metrics.isBlank() && ApiKeys.sameSecret(metrics, secret);
        boolean adminOk = admin != null && !admin.isBlank() && ApiKeys.sameSecret(admin, secret);
        if (metricsOk || adminOk) {
            return chain.filter(exchange);
        }
        return unauthorized(exchange, secret == null ? "missing_metrics_key" : "invalid_metrics_key",
                "Actuator endpoints other than health need 'Authorization: Bearer <metrics key>'"
                        + " (pipeline.security.metrics-key)");
    }

    private Mono<Void> tenant(ServerWebExchange exchange, WebFilterChain chain, String secret) {
        if (secret == null) {
            return unauthorized(exchange, "missing_api_key",
                    "Send an API key as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'");
        }
        if (authenticator == null) {
            // No key store: this service has no tenant API (the embedding worker serves actuator only).
            return ProblemResponses.write(exchange, HttpStatus.NOT_FOUND, "not_found", "No such endpoint");
        }
        InetAddress address = clientAddress.of(exchange.getRequest());
        boolean lookup = !authenticator.knows(secret);
        if (lookup && !throttle.tryAcquire(address)) {
            meters.counter("pipeline.auth.failures", "reason", "throttled").increment();
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(throttle.retryAfterSeconds()));
            return ProblemResponses.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "too_many_failed_authentications",
                    "Too many requests with unknown API keys from this address; retry after the number of seconds in Retry-After");
        }
        return authenticator.authenticate(secret)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                // The key store (PostgreSQL) not answering is an outage, not a bad key: 503, retry later.
                .onErrorResume(e -> Mono.just(STORE_FAILED))
                .flatMap(found -> {
                    if (found == STORE_FAILED) {
                        if (lookup) {
                            throttle.refund(address);
                        }
                        return unavailable(exchange).thenReturn(true);
                    }
                    if (found.isEmpty()) {
                        return unauthorized(exchange, "invalid_api_key", "The API key is unknown or revoked")
                                .thenReturn(true);
                    }
                    if (lookup) {
                        throttle.refund(address);
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
