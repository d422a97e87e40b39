package com.talentpipeline.results.webhook;

import com.talentpipeline.core.security.ApiKeys;
import com.talentpipeline.core.security.OutboundUrlGuard;
import com.talentpipeline.core.tenant.RequestTenant;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.core.web.FieldProblem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code /v1/webhooks}: register (the secret is shown once), list, show, delete; the deliveries of a
 * webhook with their attempts; redeliver one. {@code GET /v1/callback-secret}: the tenant's signing
 * secret of per-task {@code callbackUrl} deliveries. Another tenant's ids answer 404.
 */
@RestController
class WebhookController {

    private static final int MAX_URL = 2000;

    private final WebhookStore store;
    private final OutboundUrlGuard guard;

    public WebhookController(WebhookStore store, OutboundUrlGuard guard) {
        this.store = store;
        this.guard = guard;
    }

    /**
     * A registration request.
     *
     * @param url    https (or http) URL receiving POSTs
     * @param events subscribed types (see {@link WebhookEvents#ALL})
     * @param secret signing secret; generated when absent
     */
    public record Registration(String url, List<String> events, String secret) {
    }

    @PostMapping(path = "/v1/webhooks", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<WebhookView>> register(@RequestBody Registration request,
            ServerWebExchange exchange) {
        String tenant = RequestTenant.of(exchange);
        List<FieldProblem> problems = new ArrayList<>();
        String url = request == null || request.url() == null ? "" : request.url().strip();
        if (url.isEmpty()) {
            problems.add(new FieldProblem("url", "must not be blank"));
        } else if (url.length() > MAX_URL) {
            problems.add(new FieldProblem("url", "size must be at most " + MAX_URL));
        }
        List<String> events = request == null || request.events() == null ? List.of() : request.events();
        if (events.isEmpty()) {
            problems.add(new FieldProblem("events", "must name at least one of " + WebhookEvents.ALL));
        }
        for (String event : events) {
            if (!WebhookEvents.ALL.contains(event)) {
                problems.add(new FieldProblem("events", "unknown event '" + event + "'; allowed: " + WebhookEvents.ALL));
            }
        }
        String secret = request == null ? null : request.secret();
        if (secret != null && (secret.length() < 16 || secret.length() > 200)) {
            problems.add(new FieldProblem("secret", "must be 16 to 200 characters"));
        }
        if (!problems.isEmpty()) {
            return Mono.error(new ApiProblemException(HttpStatus.BAD_REQUEST, "validation_failed",
                    "The webhook is invalid: " + problems.get(0).field() + " " + problems.get(0).message(), problems, null));
        }
        String chosen = secret != null ? secret : "whsec_" + ApiKeys.hex(24);
        List<String> unique = List.copyOf(new LinkedHashSet<>(events));
        return checkUrl(url)
                .then(Mono.defer(() -> store.create(tenant, url, unique, chosen)))
                .map(w -> ResponseEntity.status(HttpStatus.CREATED)
                        .location(java.net.URI.create("/v1/webhooks/" + w.id()))
                        .body(WebhookView.of(w).withSecret(w.secret())));
    }

    @GetMapping(path = "/v1/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<WebhookView.Page> list(ServerWebExchange exchange) {
        return store.list(RequestTenant.of(exchange)).map(WebhookView::of).collectList()
                .map(WebhookView.Page::new);
    }

    @GetMapping(path = "/v1/webhooks/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<WebhookView> get(@PathVariable String id, ServerWebExchange exchange) {
        return store.find(RequestTenant.of(exchange), parse(id)).map(WebhookView::of)
                .switchIfEmpty(Mono.error(() -> ApiProblemException.notFound("Webhook", id)));
    }

    @DeleteMapping(path = "/v1/webhooks/{id}")
    public Mono<ResponseEntity<Void>> delete(@PathVariable String id, ServerWebExchange exchange) {
        return store.delete(RequestTenant.of(exchange), parse(id)).map(found -> {
            if (!found) {
                throw ApiProblemException.notFound("Webhook", id);
            }
            return ResponseEntity.noContent().build();
        });
    }

    @GetMapping(path = "/v1/webhooks/{id}/deliveries", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<WebhookView.Deliveries> deliveries(@PathVariable String id,
            @RequestParam(defaultValue = "50") int limit, ServerWebExchange exchange) {
        String tenant = RequestTenant.of(exchange);
        UUID webhook = parse(id);
        int bounded = Math.max(1, Math.min(limit, 200));
        return store.find(tenant, webhook)
                .switchIfEmpty(Mono.error(() -> ApiProblemException.notFound("Webhook", id)))
                .flatMap(w -> store.deliveries(tenant, webhook, bounded).collectList())
                .map(WebhookView.Deliveries::new);
    }

    @PostMapping(path = "/v1/webhooks/{id}/deliveries/{deliveryId}:redeliver",
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<WebhookView.Redelivery>> redeliver(@PathVariable String id,
            @PathVariable String deliveryId, ServerWebExchange exchange) {
        return store.redeliver(RequestTenant.of(exchange), parse(id), parseDelivery(deliveryId)).map(found -> {
            if (!found) {
                throw ApiProblemException.notFound("Delivery", deliveryId);
            }
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(new WebhookView.Redelivery(deliveryId, "PENDING"));
        });
    }

    /** The tenant's secret for per-task callbacks (created on first use). */
    @GetMapping(path = "/v1/callback-secret", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<WebhookView.CallbackSecret> callbackSecret(ServerWebExchange exchange) {
        return store.tenantSecret(RequestTenant.of(exchange)).map(secret -> new WebhookView.CallbackSecret(secret,
                "X-Webhook-Signature: v1=hex(HMAC-SHA256(secret, X-Webhook-Timestamp + \".\" + body))"));
    }

    private Mono<Void> checkUrl(String url) {
        return Mono.fromCallable(() -> {
                    guard.check(url);
                    return true;
                })
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(OutboundUrlGuard.Refused.class, e -> new ApiProblemException(HttpStatus.BAD_REQUEST,
                        "url_not_allowed", "The webhook URL is not allowed: " + e.getMessage(),
                        List.of(new FieldProblem("url", e.getMessage())), null))
                .then();
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblemException.notFound("Webhook", id);
        }
    }

    private static UUID parseDelivery(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblemException.notFound("Delivery", id);
        }
    }
}
