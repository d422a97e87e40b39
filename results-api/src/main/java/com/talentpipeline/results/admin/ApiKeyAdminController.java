package com.talentpipeline.results.admin;

import com.talentpipeline.core.security.ApiKey;
import com.talentpipeline.core.security.ApiKeyAuthenticator;
import com.talentpipeline.core.security.ApiKeyStore;
import com.talentpipeline.core.security.ApiKeys;
import com.talentpipeline.core.security.SecurityProperties;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.core.web.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code POST /admin/v1/keys} {tenantId, name[, rateLimit{capacity, refillPerSecond}]} creates a key and
 * shows it once; {@code GET /admin/v1/keys?tenantId=} lists keys (never secrets);
 * {@code DELETE /admin/v1/keys/{id}} revokes one (every service sees it within the key cache period).
 * The caller sends {@code pipeline.security.admin-key} as Bearer or {@code X-Admin-Key}; while that
 * setting is empty the endpoints answer 404, as if absent.
 */
@RestController
@RequestMapping("/admin/v1/keys")
class ApiKeyAdminController {

    private static final int MAX_FIELD = 200;

    private final ApiKeyStore store;
    private final ApiKeyAuthenticator authenticator;
    private final SecurityProperties properties;

    public ApiKeyAdminController(ApiKeyStore store, ApiKeyAuthenticator authenticator, SecurityProperties properties) {
        this.store = store;
        this.authenticator = authenticator;
        this.properties = properties;
    }

    /**
     * A new key's request.
     *
     * @param tenantId  the tenant it acts for
     * @param name      a label
     * @param rateLimit its own bucket, or null for the default
     */
    public record CreateKey(String tenantId, String name, RateLimit rateLimit) {
    }

    /**
     * A key's own bucket.
     *
     * @param capacity        burst size
     * @param refillPerSecond sustained rate
     */
    public record RateLimit(Integer capacity, Double refillPerSecond) {
    }

    /**
     * A created key: the only time its secret is shown.
     *
     * @param id       the key id
     * @param tenantId its tenant
     * @param name     its label
     * @param key      the secret to send as {@code Authorization: Bearer}
     */
    public record CreatedKey(String id, String tenantId, String name, String key) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<CreatedKey>> create(@RequestBody CreateKey request,
            @RequestHeader HttpHeaders headers) {
        guard(headers);
        List<FieldProblem> problems = new ArrayList<>();
        check(problems, "tenantId", request == null ? null : request.tenantId());
        check(problems, "name", request == null ? null : request.name());
        RateLimit limit = request == null ? null : request.rateLimit();
        if (limit != null && (limit.capacity() == null || limit.capacity() < 1)) {
            problems.add(new FieldProblem("rate_limit.capacity", "must be at least 1"));
        }
        if (limit != null && (limit.refillPerSecond() == null || !(limit.refillPerSecond() > 0))) {
            problems.add(new FieldProblem("rate_limit.refill_per_second", "must be greater than 0"));
        }
        if (!problems.isEmpty()) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, "validation_failed", "The key request is invalid",
                    problems, null);
        }
        return store.create(request.tenantId().strip(), request.name().strip(),
                        limit == null ? null : limit.capacity(), limit == null ? null : limit.refillPerSecond())
                .map(created -> ResponseEntity.status(HttpStatus.CREATED).body(new CreatedKey(created.key().id(),
                        created.key().tenantId(), created.key().name(), created.secret())));
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public Flux<ApiKey> list(@RequestParam(required = false) String tenantId, @RequestHeader HttpHeaders headers) {
        guard(headers);
        return store.list(tenantId);
    }

    @DeleteMapping("/{id}")
    public Mono<ResponseEntity<RevokedKey>> revoke(@PathVariable String id, @RequestHeader HttpHeaders headers) {
        guard(headers);
        return store.revoke(id).map(revoked -> {
            if (!revoked) {
                throw ApiProblemException.notFound("Active key", id);
            }
            authenticator.invalidateAll();
            return ResponseEntity.ok(new RevokedKey(id, true));
        });
    }

    /** The answer to a revocation. @param id the key id @param revoked always true */
    public record RevokedKey(String id, boolean revoked) {
    }

    private void guard(HttpHeaders headers) {
        String admin = properties.adminKey();
        if (admin == null || admin.isBlank()) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "not_found", "No such endpoint");
        }
        String presented = headers.getFirst("X-Admin-Key");
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (presented == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            presented = authorization.substring(7).strip();
        }
        if (!ApiKeys.sameSecret(admin, presented)) {
            throw new ApiProblemException(HttpStatus.UNAUTHORIZED, "invalid_admin_key", "The admin key is missing or wrong");
        }
    }

    private static void check(List<FieldProblem> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "must not be blank"));
        } else if (value.strip().length() > MAX_FIELD) {
            problems.add(new FieldProblem(field, "size must be at most " + MAX_FIELD));
        }
    }
}
