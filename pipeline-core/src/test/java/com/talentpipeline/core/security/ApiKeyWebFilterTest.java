package com.talentpipeline.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.tenant.RequestTenant;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** The filter's decisions, with the key store replaced by a fixed answer (no database). */
class ApiKeyWebFilterTest {

    static final String SECRET = "tp_abc123abc123_" + "f".repeat(40);

    private final AtomicInteger lookups = new AtomicInteger();
    private final ApiKeyStore store = new ApiKeyStore(null) {
        @Override
        public Mono<ApiKey> resolve(String hash) {
            lookups.incrementAndGet();
            return hash.equals(ApiKeys.hash(SECRET))
                    ? Mono.just(new ApiKey("abc123abc123", "tenant-x", "test", null, null, null, null, null))
                    : Mono.empty();
        }

        @Override
        public Mono<Void> touch(String id) {
            return Mono.empty();
        }
    };
    private final ApiKeyWebFilter filter = new ApiKeyWebFilter(new ApiKeyAuthenticator(store, Duration.ofSeconds(30)),
            null, new SimpleMeterRegistry());

    private MockServerWebExchange run(MockServerHttpRequest request, AtomicReference<String> tenant) {
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        WebFilterChain chain = ex -> {
            tenant.set(RequestTenant.of(ex));
            return Mono.empty();
        };
        filter.filter(exchange, chain).block(Duration.ofSeconds(5));
        return exchange;
    }

    @Test
    void aBearerOrHeaderKeyResolvesToItsTenantAndIsCached() {
        AtomicReference<String> tenant = new AtomicReference<>();
        run(MockServerHttpRequest.get("/v1/tasks/x").header("Authorization", "Bearer " + SECRET).build(), tenant);
        assertThat(tenant.get()).isEqualTo("tenant-x");
        tenant.set(null);
        run(MockServerHttpRequest.get("/v1/tasks/x").header("X-API-Key", SECRET).build(), tenant);
        assertThat(tenant.get()).isEqualTo("tenant-x");
        assertThat(lookups.get()).as("second use served from the cache").isEqualTo(1);
    }

    @Test
    void missingOrUnknownKeysAre401ProblemsWithWwwAuthenticate() {
        AtomicReference<String> tenant = new AtomicReference<>();
        MockServerWebExchange none = run(MockServerHttpRequest.get("/v1/tasks/x").build(), tenant);
        assertThat(none.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(none.getResponse().getHeaders().getFirst("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(none.getResponse().getBodyAsString().block()).contains("\"code\":\"missing_api_key\"");
        MockServerWebExchange wrong = run(MockServerHttpRequest.get("/v1/tasks/x")
                .header("Authorization", "Bearer tp_nope_nope").build(), tenant);
        assertThat(wrong.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(wrong.getResponse().getBodyAsString().block()).contains("\"code\":\"invalid_api_key\"");
        assertThat(tenant.get()).as("the chain never ran").isNull();
    }

    @Test
    void aKeyStoreOutageIs503WithRetryAfterNot401() {
        ApiKeyStore down = new ApiKeyStore(null) {
            @Override
            public Mono<ApiKey> resolve(String hash) {
                return Mono.error(new IllegalStateException("connection refused"));
            }
        };
        ApiKeyWebFilter guarded = new ApiKeyWebFilter(new ApiKeyAuthenticator(down, Duration.ofSeconds(30)), null,
                new SimpleMeterRegistry());
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.get("/v1/tasks/x").header("Authorization", "Bearer " + SECRET).build());
        AtomicReference<String> tenant = new AtomicReference<>();
        guarded.filter(exchange, ex -> {
            tenant.set(RequestTenant.of(ex));
            return Mono.empty();
        }).block(Duration.ofSeconds(5));
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("\"code\":\"unavailable\"");
        assertThat(tenant.get()).as("the chain never ran").isNull();
    }

    @Test
    void pathsOutsideV1AreNotGuarded() {
        AtomicReference<String> tenant = new AtomicReference<>();
        run(MockServerHttpRequest.get("/actuator/health").build(), tenant);
        assertThat(tenant.get()).isEqualTo("default");
        tenant.set(null);
        run(MockServerHttpRequest.get("/v1x/anything").build(), tenant);
        assertThat(tenant.get()).isEqualTo("default");
    }

    @Test
    void keysAreStoredAsSha256AndLookLikeTheDocumentedShape() {
        String key = ApiKeys.generate();
        assertThat(key).matches("tp_[0-9a-f]{12}_[0-9a-f]{40}");
        assertThat(ApiKeys.idOf(key)).isEqualTo(key.substring(3, 15));
        assertThat(ApiKeys.hash(key)).hasSize(64).isNotEqualTo(ApiKeys.hash(ApiKeys.generate()));
        assertThat(ApiKeys.idOf("any-dev-key")).hasSize(12);
    }
}
