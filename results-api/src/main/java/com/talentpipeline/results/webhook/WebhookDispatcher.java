package com.talentpipeline.results.webhook;

import com.talentpipeline.core.security.OutboundUrlGuard;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Sends due deliveries: every {@code poll-interval} it claims a batch ({@code FOR UPDATE SKIP LOCKED},
 * so several replicas share the work), checks each URL again with the SSRF guard, posts the signed body
 * and records the attempt. 2xx is delivered; anything else (or no answer within {@code timeout}) is
 * retried after a full-jitter exponential delay until {@code max-age} after the event, then FAILED.
 * Redirects are not followed.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookStore store;
    private final WebhookProperties properties;
    private final OutboundUrlGuard guard;
    private final MeterRegistry meters;
    private final WebClient client;
    private volatile Disposable loop;

    public WebhookDispatcher(WebhookStore store, WebhookProperties properties, OutboundUrlGuard guard,
            MeterRegistry meters) {
        this.store = store;
        this.properties = properties;
        this.guard = guard;
        this.meters = meters;
        HttpClient http = HttpClient.create()
                .resolver(new GuardedAddressResolverGroup(guard))
                .followRedirect(false)
                .responseTimeout(properties.timeout())
                .option(io.netty.channel.ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.timeout().toMillis());
        this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(64 * 1024)).build();
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        loop = Flux.interval(properties.pollInterval())
                .onBackpressureDrop()
                .concatMap(tick -> dispatchDue().onErrorResume(e -> {
                    log.warn("webhook dispatch round failed: {}", e.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = loop;
        if (running != null) {
            running.dispose();
        }
        loop = null;
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }

    /** One round: claims and sends the due deliveries, a few at a time. */
    Mono<Void> dispatchDue() {
        Duration lease = properties.timeout().multipliedBy(2).plusSeconds(5);
        // Claimed first, then sent: the claim's statement has finished before any delivery updates its row.
        return store.claimDue(properties.batchSize(), lease)
                .collectList()
                .flatMapMany(reactor.core.publisher.Flux::fromIterable)
                .flatMap(this::deliver, 8)
                .then();
    }

    private Mono<Void> deliver(WebhookStore.Due due) {
        Mono<Target> target = due.webhookId() != null
                ? store.find(due.tenantId(), due.webhookId()).map(w -> new Target(w.url(), w.secret()))
                : store.tenantSecret(due.tenantId()).map(secret -> new Target(due.callbackUrl(), secret));
        return target
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(t -> t.isPresent() ? send(due, t.get())
                        : store.recordAttempt(due, null, "webhook removed", null, 0, "FAILED", null));
    }

    private record Target(String url, String secret) {
    }

    private Mono<Void> send(WebhookStore.Due due, Target target) {
        long started = System.nanoTime();
        long timestamp = Instant.now().getEpochSecond();
        String signature = Signatures.sign(target.secret(), timestamp, due.body());
        Mono<Outcome> outcome = Mono.fromCallable(() -> {
                    guard.check(target.url()); // again at delivery: the registration may be old
                    return true;
                })
                .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic())
                .flatMap(ok -> client.post().uri(target.url())
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("X-Webhook-Id", due.id().toString())
                        .header("X-Webhook-Event", due.eventType())
                        .header("X-Webhook-Timestamp", Long.toString(timestamp))
                        .header("X-Webhook-Signature", signature)
                        .header("User-Agent", "talent-pipeline-webhooks/1")
                        .bodyValue(due.body())
                        .exchangeToMono(response -> response.bodyToMono(String.class)
                                .onErrorResume(e -> Mono.just("(response body unreadable: " + e.getClass().getSimpleName() + ")"))
                                .defaultIfEmpty("")
                                .map(body -> new Outcome(response.statusCode().value(), null, body))))
                .timeout(properties.timeout().plusSeconds(1))
                .onErrorResume(e -> Mono.just(new Outcome(null, describe(e), null)));
        return outcome.flatMap(o -> {
            long ms = (System.nanoTime() - started) / 1_000_000;
            boolean ok = o.status() != null && o.status() >= 200 && o.status() < 300;
            String snippet = o.body() == null ? null
                    : o.body().length() > properties.responseChars() ? o.body().substring(0, properties.responseChars())
                    : o.body();
            meters.counter("pipeline.webhook.attempts", "outcome", ok ? "delivered" : "failed").increment();
            if (ok) {
                return store.recordAttempt(due, o.status(), null, snippet, ms, "DELIVERED", null);
            }
            OffsetDateTime next = OffsetDateTime.now(ZoneOffset.UTC).plus(Backoff.delay(due.attempt() + 1,
                    properties.backoffBase(), properties.backoffMax(),
                    bound -> ThreadLocalRandom.current().nextLong(bound + 1)));
            boolean expired = next.isAfter(due.windowStart().plus(properties.maxAge()));
            log.info("webhook delivery {} attempt {} failed ({}); {}", due.id(), due.attempt() + 1,
                    o.status() != null ? "HTTP " + o.status() : o.error(), expired ? "giving up" : "retrying at " + next);
            return store.recordAttempt(due, o.status(), o.error(), snippet, ms, expired ? "FAILED" : "PENDING",
                    expired ? null : next);
        });
    }

    private record Outcome(Integer status, String error, String body) {
    }

    private static String describe(Throwable e) {
        if (e instanceof OutboundUrlGuard.Refused refused) {
            return "url_not_allowed: " + refused.getMessage();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage();
        return message.length() > 300 ? message.substring(0, 300) : message;
    }
}
