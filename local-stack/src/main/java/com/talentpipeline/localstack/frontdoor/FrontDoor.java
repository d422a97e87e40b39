package com.talentpipeline.localstack.frontdoor;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.NettyOutbound;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.ConnectionProvider;

/**
 * The local front door: one port that passes every request, byte for byte (raw path and query, headers,
 * streamed body), to the service its {@link FrontDoorRoutes route} names, and streams the answer back
 * (server-sent events included). It decides nothing itself: authentication, path checks and errors are
 * the services' own, so a client sees what it would see through the Ingress. It adds
 * {@code X-Forwarded-For}/{@code -Proto}/{@code -Host}, as ingress-nginx does, which the services trust
 * from their configured proxies only.
 */
public final class FrontDoor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FrontDoor.class);

    /** Hop-by-hop headers (RFC 9110 7.6.1) and the ones the proxy rewrites itself. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host",
            "http2-settings", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "forwarded");

    /** Longest wait for a request body (services answer 408 after 10 s of silence; so does the front door). */
    static final Duration BODY_TIMEOUT = Duration.ofSeconds(10);
    /** Largest request body passed on (the Ingress's proxy-body-size). */
    static final int MAX_BODY_BYTES = 30 * 1024 * 1024;

    private final FrontDoorRoutes routes;
    private final Map<String, String> baseUrls;
    private final HttpClient client;
    private final DisposableServer server;

    private FrontDoor(FrontDoorRoutes routes, Map<String, String> baseUrls, String host, int port) {
        this.routes = routes;
        this.baseUrls = Map.copyOf(baseUrls);
        for (FrontDoorRoutes.Route route : routes.routes()) {
            if (!baseUrls.containsKey(route.service())) {
                throw new IllegalArgumentException("No address for service " + route.service() + " (route " + route.path() + ")");
            }
        }
        if (!baseUrls.containsKey(routes.defaultService())) {
            throw new IllegalArgumentException("No address for the default service " + routes.defaultService());
        }
        this.client = HttpClient.create(ConnectionProvider.builder("front-door").maxConnections(500)
                        .maxIdleTime(Duration.ofSeconds(30)).pendingAcquireMaxCount(-1).build())
                // The services answer Expect: 100-continue themselves; keep the client's framing as it is.
                .keepAlive(true);
        this.server = HttpServer.create().host(host).port(port)
                // Larger than any service's limits, so that the service answers 414/431 in its own words.
                .httpRequestDecoder(spec -> spec.maxInitialLineLength(64 * 1024).maxHeaderSize(128 * 1024))
                .handle(this::forward)
                .bindNow(Duration.ofSeconds(10));
    }

    /**
     * Starts the front door.
     *
     * @param routes   the route table
     * @param baseUrls service name -> base URL ({@code http://127.0.0.1:8081}), for every service the table names
     * @param host     address to bind
     * @param port     port to bind (0 = any free port)
     */
    public static FrontDoor start(FrontDoorRoutes routes, Map<String, String> baseUrls, String host, int port) {
        return new FrontDoor(routes, baseUrls, host, port);
    }

    /** The bound port. */
    public int port() {
        return server.port();
    }

    private Mono<Void> forward(HttpServerRequest request, HttpServerResponse response) {
        String uri = request.uri();
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        String target = baseUrls.get(routes.serviceFor(path)) + (uri.startsWith("/") ? uri : "/" + uri);
        HttpHeaders headers = forwardedHeaders(request);
        boolean hasBody = request.requestHeaders().contains(HttpHeaderNames.CONTENT_LENGTH)
                || request.requestHeaders().contains(HttpHeaderNames.TRANSFER_ENCODING);
        if (!hasBody) {
            return exchange(client.headers(h -> h.set(headers)).request(request.method()).uri(target), response, target);
        }
        String declared = request.requestHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
        if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > MAX_BODY_BYTES) {
            response.keepAlive(false);
            return problem(response, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "payload_too_large",
                    "The request body is larger than the front door takes (" + MAX_BODY_BYTES + " bytes)");
        }
        // The body is read whole before the service is called (as ingress-nginx buffers request bodies): a
        // client that stops sending mid-body is answered here (408), and the service never waits on it.
        return request.receive().aggregate().asByteArray()
                .defaultIfEmpty(new byte[0])
                .timeout(BODY_TIMEOUT)
                .flatMap(body -> {
                    if (body.length > MAX_BODY_BYTES) {
                        return problem(response, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "payload_too_large",
                                "The request body is larger than the front door takes (" + MAX_BODY_BYTES + " bytes)");
                    }
                    headers.remove(HttpHeaderNames.TRANSFER_ENCODING);
                    headers.set(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length));
                    return exchange(client.headers(h -> h.set(headers)).request(request.method()).uri(target)
                            .send(Mono.just(Unpooled.wrappedBuffer(body))), response, target);
                })
                .onErrorResume(java.util.concurrent.TimeoutException.class, e -> {
                    response.keepAlive(false);
                    return problem(response, HttpResponseStatus.REQUEST_TIMEOUT, "request_timeout",
                            "The request body did not arrive within " + BODY_TIMEOUT.toSeconds() + " s");
                });
    }

    private Mono<Void> exchange(HttpClient.ResponseReceiver<?> receiver, HttpServerResponse response, String target) {
        return receiver.response((answer, body) -> {
                    response.status(answer.status());
                    answer.responseHeaders().forEach(header -> {
                        if (!HOP_BY_HOP.contains(header.getKey().toLowerCase())) {
                            response.addHeader(header.getKey(), header.getValue());
                        }
                    });
                    // A service that closes (a request timed out mid-body) closes the client's connection too.
                    if ("close".equalsIgnoreCase(answer.responseHeaders().get(HttpHeaderNames.CONNECTION))) {
                        response.keepAlive(false);
                    }
                    // Flush every chunk: task progress streams (SSE) must reach the client as they happen.
                    NettyOutbound sent = response.send(body.retain(), buffer -> true);
                    return sent.then();
                })
                .then()
                .onErrorResume(e -> badGateway(response, target, e));
    }

    private static HttpHeaders forwardedHeaders(HttpServerRequest request) {
        HttpHeaders headers = new DefaultHttpHeaders();
        request.requestHeaders().forEach(header -> {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase())) {
                headers.add(header.getKey(), header.getValue());
            }
        });
        InetSocketAddress remote = request.remoteAddress();
        String clientAddress = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
        // Like ingress-nginx: the client's address as this proxy saw it (an incoming X-Forwarded-For is not trusted).
        headers.set("X-Forwarded-For", clientAddress);
        headers.set("X-Forwarded-Proto", "http");
        String host = request.requestHeaders().get(HttpHeaderNames.HOST);
        if (host != null) {
            headers.set("X-Forwarded-Host", host);
        }
        return headers;
    }

    private static Mono<Void> badGateway(HttpServerResponse response, String target, Throwable e) {
        log.warn("Front door could not reach {}: {}", target, e.toString());
        if (response.hasSentHeaders()) {
            return Mono.empty();
        }
        return problem(response, HttpResponseStatus.BAD_GATEWAY, "service_unavailable",
                "The service for this path did not answer");
    }

    private static Mono<Void> problem(HttpServerResponse response, HttpResponseStatus status, String code, String detail) {
        byte[] body = ("{\"type\":\"about:blank\",\"title\":\"" + status.reasonPhrase() + "\",\"status\":"
                + status.code() + ",\"detail\":\"" + detail + "\",\"code\":\"" + code + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        return response.status(status)
                .header(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length))
                .send(Mono.just(Unpooled.wrappedBuffer(body))).then();
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
    }
}
