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
            tenant.set(ex.getAttribute(RequestTenant.ATTRIBUTE));
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
            tenant.set(ex.getAttribute(RequestTenant.ATTRIBUTE));
            return Mono.empty();
        }).block(Duration.ofSeconds(5));
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("\"code\":\"unavailable\"");
        assertThat(tenant.get()).as("the chain never ran").isNull();
    }

    @Test
    void everyPathIsDeniedByDefaultOnlyHealthAndDocsAreOpen() {
        AtomicReference<String> tenant = new AtomicReference<>();
        for (String open : new String[] {"/actuator/health", "/actuator/health/readiness", "/v3/api-docs",
                "/swagger-ui.html", "/webjars/swagger-ui/index.html"}) {
            MockServerWebExchange exchange = run(MockServerHttpRequest.get(open).build(), tenant);
            assertThat(exchange.getResponse().getStatusCode()).as(open).isNull();
        }
        for (String closed : new String[] {"/v1x/anything", "/", "/anything", "/V1/resumes/x", "/actuator/healthz",
                "/v1"}) {
            MockServerWebExchange exchange = run(MockServerHttpRequest.get(closed).build(), tenant);
            assertThat(exchange.getResponse().getStatusCode()).as(closed).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        assertThat(tenant.get()).as("no closed path reached a handler").isNull();
    }

    @Test
    void pathSpellingsThatTheRouterWouldReadAsV1AreRefusedBeforeAnyDecision() {
        AtomicReference<String> tenant = new AtomicReference<>();
        for (String raw : new String[] {"/v1;x/resumes/r1", "/v1;/resumes/r1", "/%761/resumes", "/%76%31/resumes",
                "/v1/resumes;jsessionid=1/r1", "/v1//resumes", "/v1/./resumes", "/v1/x/../resumes", "/v1/resumes/",
                "/v1/resumes/x%00y", "/v1/resumes%2Fr1", "/v1/%5Cresumes",
                "/actuator;x/prometheus", "/%61ctuator/prometheus", "/admin;x/v1/keys"}) {
            MockServerWebExchange exchange = run(MockServerHttpRequest.method(org.springframework.http.HttpMethod.GET, java.net.URI.create(
                    "http://localhost" + raw)).header("Authorization", "Bearer " + SECRET).build(), tenant);
            assertThat(exchange.getResponse().getStatusCode()).as(raw).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(exchange.getResponse().getBodyAsString().block()).as(raw)
                    .contains("\"code\":\"non_canonical_path\"");
        }
        MockServerWebExchange nulQuery = run(MockServerHttpRequest.method(org.springframework.http.HttpMethod.GET, java.net.URI.create(
                "http://localhost/v1/resumes?userId=a%00b")).header("Authorization", "Bearer " + SECRET).build(), tenant);
        assertThat(nulQuery.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        MockServerWebExchange tooLong = run(MockServerHttpRequest.method(org.springframework.http.HttpMethod.GET, java.net.URI.create(
                "http://localhost/v1/" + "a".repeat(RequestPaths.MAX_PATH_LENGTH))).build(), tenant);
        assertThat(tooLong.getResponse().getStatusCode()).isEqualTo(HttpStatus.URI_TOO_LONG);
        assertThat(tenant.get()).as("no refused spelling reached a handler").isNull();
        // Escapes of characters that need them stay valid.
        MockServerWebExchange spaced = run(MockServerHttpRequest.method(org.springframework.http.HttpMethod.GET, java.net.URI.create(
                "http://localhost/v1/users/ann%20lee/predictions")).header("Authorization", "Bearer " + SECRET).build(), tenant);
        assertThat(spaced.getResponse().getStatusCode()).isNull();
        assertThat(tenant.get()).isEqualTo("tenant-x");
    }

    @Test
    void operatorPathsNeedTheMetricsOrAdminKeyAndAdminPathsTheAdminKey() {
        SecurityProperties defaults = SecurityProperties.defaults();
        SecurityProperties keyed = new SecurityProperties(true, "admin-secret", "metrics-secret", defaults.cacheTtl(),
                defaults.rateLimit(), defaults.failedAuth(), defaults.readTimeout(), defaults.requestTimeout());
        ApiKeyWebFilter operatorFilter = new ApiKeyWebFilter(new ApiKeyAuthenticator(store, Duration.ofSeconds(30)),
                null, new SimpleMeterRegistry(), keyed);
        java.util.function.BiFunction<String, String, HttpStatus> status = (path, key) -> {
            MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get(path);
            if (key != null) {
                request.header("Authorization", "Bearer " + key);
            }
            MockServerWebExchange exchange = MockServerWebExchange.from(request.build());
            operatorFilter.filter(exchange, ex -> Mono.empty()).block(Duration.ofSeconds(5));
            return exchange.getResponse().getStatusCode() == null ? HttpStatus.OK
                    : HttpStatus.valueOf(exchange.getResponse().getStatusCode().value());
        };
        assertThat(status.apply("/actuator/prometheus", null)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status.apply("/actuator/prometheus", SECRET)).as("a tenant key is not an operator key")
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status.apply("/actuator/prometheus", "metrics-secret")).isEqualTo(HttpStatus.OK);
        assertThat(status.apply("/actuator/env", "admin-secret")).isEqualTo(HttpStatus.OK);
        assertThat(status.apply("/admin/v1/keys", "metrics-secret")).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status.apply("/admin/v1/keys", SECRET)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status.apply("/admin/v1/keys", "admin-secret")).isEqualTo(HttpStatus.OK);
        // With no keys configured, both doors stay shut.
        assertThat(status.apply("/actuator/prometheus", "")).isEqualTo(HttpStatus.UNAUTHORIZED);
        MockServerWebExchange admin = run(MockServerHttpRequest.get("/admin/v1/keys")
                .header("Authorization", "Bearer anything").build(), new AtomicReference<>());
        assertThat(admin.getResponse().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void unknownKeysFromOneAddressAreThrottledBeforeTheyCostLookUps() {
        SecurityProperties defaults = SecurityProperties.defaults();
        ApiKeyWebFilter throttled = new ApiKeyWebFilter(new ApiKeyAuthenticator(store, Duration.ofSeconds(30)), null,
                new SimpleMeterRegistry(), new SecurityProperties(true, "", "", defaults.cacheTtl(), defaults.rateLimit(),
                        new SecurityProperties.FailedAuth(5, 0.001, java.util.List.of()), defaults.readTimeout(), defaults.requestTimeout()));
        java.net.InetSocketAddress client = new java.net.InetSocketAddress("10.1.2.3", 40000);
        int unauthorized = 0;
        int limited = 0;
        for (int i = 0; i < 12; i++) {
            MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/tasks/x")
                    .remoteAddress(client).header("Authorization", "Bearer unknown-" + i).build());
            throttled.filter(exchange, ex -> Mono.empty()).block(Duration.ofSeconds(5));
            HttpStatus code = HttpStatus.valueOf(exchange.getResponse().getStatusCode().value());
            if (code == HttpStatus.UNAUTHORIZED) {
                unauthorized++;
            } else if (code == HttpStatus.TOO_MANY_REQUESTS) {
                limited++;
                assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After")).isNotBlank();
            }
        }
        assertThat(unauthorized).isEqualTo(5);
        assertThat(limited).isEqualTo(7);
        assertThat(lookups.get()).as("throttled keys never reached the store").isEqualTo(5);
        // A valid key from the same address is throttled too while the bucket is empty; from another it passes.
        MockServerWebExchange other = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/tasks/x")
                .remoteAddress(new java.net.InetSocketAddress("10.9.9.9", 40000))
                .header("Authorization", "Bearer " + SECRET).build());
        throttled.filter(other, ex -> Mono.empty()).block(Duration.ofSeconds(5));
        assertThat(other.getResponse().getStatusCode()).isNull();
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
