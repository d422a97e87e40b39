package com.talentpipeline.localstack.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a client's webhook endpoint does: a JDK HTTP server on 127.0.0.1 that verifies each delivery's
 * signature and timestamp (refusing bad ones with 401), fails the first {@code failures} attempts of
 * every delivery id with 500, then answers 200, and keeps what it accepted.
 */
final class WebhookReceiver implements AutoCloseable {

    /**
     * One verified request.
     *
     * @param deliveryId X-Webhook-Id
     * @param event      X-Webhook-Event
     * @param body       raw body
     * @param status     what the receiver answered
     */
    record Received(String deliveryId, String event, String body, int status) {
    }

    private final HttpServer server;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger badSignatures = new AtomicInteger();

    WebhookReceiver(String path, Supplier<String> secret, int failures) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(path, exchange -> {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String body = new String(raw, StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("X-Webhook-Id");
            String timestamp = exchange.getRequestHeaders().getFirst("X-Webhook-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("X-Webhook-Signature");
            int status;
            if (!valid(secret.get(), timestamp, body, signature)) {
                badSignatures.incrementAndGet();
                status = 401;
            } else {
                int n = attempts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                status = n <= failures ? 500 : 200;
            }
            received.add(new Received(id, exchange.getRequestHeaders().getFirst("X-Webhook-Event"), body, status));
            byte[] answer = (status == 200 ? "ok" : "try again").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Signature over timestamp + "." + body, and a timestamp within five minutes (no replays). */
    static boolean valid(String secret, String timestamp, String body, String signature) {
        if (secret == null || timestamp == null || signature == null) {
            return false;
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(Instant.now().getEpochSecond() - ts) > 300) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = "v1=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body)
                    .getBytes(StandardCharsets.UTF_8)));
            return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                    signature.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
