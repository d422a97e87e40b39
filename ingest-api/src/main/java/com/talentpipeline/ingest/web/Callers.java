package com.talentpipeline.ingest.web;

import com.talentpipeline.core.security.OutboundUrlGuard;
import com.talentpipeline.core.tenant.RequestTenant;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.core.web.FieldProblem;
import com.talentpipeline.ingest.submission.SubmissionService;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Who is submitting: the tenant from the API key, the optional {@code userId} query parameter and the
 * optional per-task {@code callbackUrl} (query parameter or {@code X-Callback-Url} header), checked
 * against the SSRF guard (400 {@code url_not_allowed}).
 */
@Component
public class Callers {

    /** Longest accepted user id. */
    public static final int MAX_USER_ID = 200;
    private static final int MAX_URL = 2000;

    private final OutboundUrlGuard guard;

    public Callers(OutboundUrlGuard guard) {
        this.guard = guard;
    }

    /**
     * The client of this request; {@code userId} overrides the query parameter when not null. Off the
     * event loop when a callback URL must be resolved (DNS may block).
     */
    public Mono<SubmissionService.Client> client(ServerWebExchange exchange, String userId) {
        String user = userId != null ? userId : exchange.getRequest().getQueryParams().getFirst("userId");
        String tenant = RequestTenant.of(exchange);
        boolean callback = exchange.getRequest().getQueryParams().getFirst("callbackUrl") != null
                || exchange.getRequest().getHeaders().getFirst("X-Callback-Url") != null;
        Mono<SubmissionService.Client> client = Mono.fromCallable(
                () -> new SubmissionService.Client(tenant, userId(user), callbackUrl(exchange)));
        return callback ? client.subscribeOn(Schedulers.boundedElastic()) : client;
    }

    /** The caller's user id, stripped; null when absent; 400 when too long or holding control characters. */
    public static String userId(String user) {
        if (user == null || user.isBlank()) {
            return null;
        }
        if (user.chars().anyMatch(Character::isISOControl)) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, "validation_failed", "userId has control characters",
                    List.of(new FieldProblem("userId", "must not contain control characters")), null);
        }
        if (user.strip().length() > MAX_USER_ID) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, "validation_failed", "userId is too long",
                    List.of(new FieldProblem("userId", "size must be at most " + MAX_USER_ID)), null);
        }
        return user.strip();
    }

    private String callbackUrl(ServerWebExchange exchange) {
        String url = exchange.getRequest().getQueryParams().getFirst("callbackUrl");
        if (url == null) {
            url = exchange.getRequest().getHeaders().getFirst("X-Callback-Url");
        }
        if (url == null || url.isBlank()) {
            return null;
        }
        url = url.strip();
        if (url.length() > MAX_URL) {
            throw refused("is longer than " + MAX_URL + " characters");
        }
        try {
            guard.check(url);
        } catch (OutboundUrlGuard.Refused e) {
            throw refused(e.getMessage());
        }
        return url;
    }

    private static ApiProblemException refused(String why) {
        return new ApiProblemException(HttpStatus.BAD_REQUEST, "url_not_allowed", "callbackUrl is not allowed: " + why,
                List.of(new FieldProblem("callbackUrl", why)), null);
    }
}
