package com.talentpipeline.results.webhook;

import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.security.ApiKeys;
import com.talentpipeline.core.task.store.TaskReads;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** Webhook registrations, deliveries and attempts in PostgreSQL, always scoped by tenant for clients. */
@Component
class WebhookStore {

    private final DatabaseClient db;
    private final TaskReads tasks;

    public WebhookStore(DatabaseClient db) {
        this.db = db;
        this.tasks = new TaskReads(db);
    }

    /**
     * A registration (the secret only in the create response).
     *
     * @param id        webhook id
     * @param tenantId  owner
     * @param url       where deliveries go
     * @param events    subscribed types
     * @param secret    signing secret
     * @param createdAt creation time
     */
    public record Webhook(UUID id, String tenantId, String url, List<String> events, String secret,
            OffsetDateTime createdAt) {
    }

    /**
     * A delivery claimed for sending.
     *
     * @param id          delivery id
     * @param tenantId    owner
     * @param webhookId   its webhook, or null for a task callback
     * @param callbackUrl the task callback URL, or null
     * @param eventType   event type
     * @param body        the JSON body to send (identical on every attempt)
     * @param attempt     attempts made before this one
     * @param windowStart when the retry window started
     */
    public record Due(UUID id, String tenantId, UUID webhookId, String callbackUrl, String eventType, String body,
            int attempt, OffsetDateTime windowStart) {
    }

    public Mono<Webhook> create(String tenantId, String url, List<String> events, String secret) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = now();
        return db.sql("""
                        INSERT INTO webhooks (id, tenant_id, url, events, secret, created_at)
                        VALUES (:id, :tenant, :url, :events, :secret, :now)""")
                .bind("id", id).bind("tenant", tenantId).bind("url", url)
                .bind("events", events.toArray(String[]::new)).bind("secret", secret).bind("now", now)
                .then().thenReturn(new Webhook(id, tenantId, url, events, secret, now));
    }

    public Flux<Webhook> list(String tenantId) {
        return db.sql("SELECT * FROM webhooks WHERE tenant_id = :tenant ORDER BY created_at DESC")
                .bind("tenant", tenantId).map(WebhookStore::webhook).all();
    }

    public Mono<Webhook> find(String tenantId, UUID id) {
        return db.sql("SELECT * FROM webhooks WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", tenantId).bind("id", id).map(WebhookStore::webhook).one();
    }

    /** Deletes the webhook and its deliveries; emits whether it existed. */
    public Mono<Boolean> delete(String tenantId, UUID id) {
        return db.sql("DELETE FROM webhooks WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", tenantId).bind("id", id).fetch().rowsUpdated().map(n -> n > 0);
    }

    /** The tenant's webhooks subscribed to the type. */
    public Flux<Webhook> subscribers(String tenantId, String eventType) {
        return db.sql("SELECT * FROM webhooks WHERE tenant_id = :tenant AND :type = ANY(events)")
                .bind("tenant", tenantId).bind("type", eventType).map(WebhookStore::webhook).all();
    }

    /** A task's callback URL, or empty (the task kit's column, read through its API). */
    public Mono<String> callbackUrl(String tenantId, UUID taskId) {
        return tasks.callbackUrl(tenantId, taskId);
    }

    /** Creates a delivery unless one exists for this target and event (a re-consumed event is not sent twice). */
    public Mono<Void> enqueue(String tenantId, UUID webhookId, String callbackUrl, UUID eventId, String eventType,
            String subjectId, String body) {
        OffsetDateTime now = now();
        var spec = db.sql("""
                        INSERT INTO webhook_deliveries (id, tenant_id, webhook_id, callback_url, event_id, event_type,
                            subject_id, payload, attempt, next_attempt_at, state, window_start, created_at, updated_at)
                        VALUES (:id, :tenant, :webhook, :callback, :event, :type, :subject, :payload, 0, :now,
                            'PENDING', :now, :now, :now)
                        ON CONFLICT DO NOTHING""")
                .bind("id", UUID.randomUUID()).bind("tenant", tenantId).bind("event", eventId)
                .bind("type", eventType).bind("payload", Json.of(body)).bind("now", now);
        spec = webhookId == null ? spec.bindNull("webhook", UUID.class) : spec.bind("webhook", webhookId);
        spec = callbackUrl == null ? spec.bindNull("callback", String.class) : spec.bind("callback", callbackUrl);
        spec = subjectId == null ? spec.bindNull("subject", String.class) : spec.bind("subject", subjectId);
        return spec.then();
    }

    /** Claims up to {@code limit} due deliveries: their next attempt moves {@code lease} ahead while in flight. */
    public Flux<Due> claimDue(int limit, Duration lease) {
        OffsetDateTime now = now();
        return db.sql("""
                        UPDATE webhook_deliveries d SET next_attempt_at = :lease
                        WHERE d.id IN (SELECT id FROM webhook_deliveries
                                       WHERE state = 'PENDING' AND next_attempt_at <= :now
                                       ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING d.id, d.tenant_id, d.webhook_id, d.callback_url, d.event_type, d.payload, d.attempt,
                                  d.window_start""")
                .bind("lease", now.plus(lease)).bind("now", now).bind("limit", limit)
                .map(row -> new Due(row.get("id", UUID.class), row.get("tenant_id", String.class),
                        row.get("webhook_id", UUID.class), row.get("callback_url", String.class),
                        row.get("event_type", String.class), row.get("payload", Json.class).asString(),
                        row.get("attempt", Integer.class), row.get("window_start", OffsetDateTime.class)))
                .all();
    }

    /** Records one attempt and the delivery's new state (next attempt, or DELIVERED / FAILED). */
    public Mono<Void> recordAttempt(Due due, Integer status, String error, String response, long durationMs,
            String state, OffsetDateTime nextAttempt) {
        int attempt = due.attempt() + 1;
        OffsetDateTime now = now();
        var insert = db.sql("""
                        INSERT INTO webhook_attempts (delivery_id, attempt, status, error, response, duration_ms, attempted_at)
                        VALUES (:id, :attempt, :status, :error, :response, :duration, :now) ON CONFLICT DO NOTHING""")
                .bind("id", due.id()).bind("attempt", attempt).bind("duration", (int) durationMs).bind("now", now);
        insert = status == null ? insert.bindNull("status", Integer.class) : insert.bind("status", status);
        insert = error == null ? insert.bindNull("error", String.class) : insert.bind("error", error);
        insert = response == null ? insert.bindNull("response", String.class) : insert.bind("response", response);
        var update = db.sql("""
                        UPDATE webhook_deliveries SET attempt = :attempt, state = :state, next_attempt_at = :next,
                            last_status = :status, last_error = :error, response = :response, updated_at = :now
                        WHERE id = :id""")
                .bind("id", due.id()).bind("attempt", attempt).bind("state", state).bind("now", now);
        update = nextAttempt == null ? update.bindNull("next", OffsetDateTime.class) : update.bind("next", nextAttempt);
        update = status == null ? update.bindNull("status", Integer.class) : update.bind("status", status);
        update = error == null ? update.bindNull("error", String.class) : update.bind("error", error);
        update = response == null ? update.bindNull("response", String.class) : update.bind("response", response);
        return insert.then().then(update.then());
    }

    /** The webhook's deliveries, newest first, each with its attempts. */
    public Flux<JsonNode> deliveries(String tenantId, UUID webhookId, int limit) {
        return db.sql("""
                        SELECT d.id, d.event_id, d.event_type, d.subject_id, d.attempt, d.state, d.next_attempt_at,
                               d.last_status, d.last_error, d.response, d.created_at,
                               COALESCE((SELECT json_agg(json_build_object('attempt', a.attempt, 'status', a.status,
                                        'error', a.error, 'response', a.response, 'durationMs', a.duration_ms,
                                        'at', a.attempted_at) ORDER BY a.attempt)
                                 FROM webhook_attempts a WHERE a.delivery_id = d.id), '[]'::json) AS attempts
                        FROM webhook_deliveries d
                        WHERE d.tenant_id = :tenant AND d.webhook_id = :webhook
                        ORDER BY d.created_at DESC LIMIT :limit""")
                .bind("tenant", tenantId).bind("webhook", webhookId).bind("limit", limit)
                .map(WebhookStore::delivery).all();
    }

    /** Makes a delivery of the tenant's webhook due now with a fresh retry window; emits whether it exists. */
    public Mono<Boolean> redeliver(String tenantId, UUID webhookId, UUID deliveryId) {
        OffsetDateTime now = now();
        return db.sql("""
                        UPDATE webhook_deliveries SET state = 'PENDING', next_attempt_at = :now, window_start = :now,
                            updated_at = :now
                        WHERE id = :id AND webhook_id = :webhook AND tenant_id = :tenant""")
                .bind("id", deliveryId).bind("webhook", webhookId).bind("tenant", tenantId).bind("now", now)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    /** The tenant's secret for per-task callbacks, created on first use. */
    public Mono<String> tenantSecret(String tenantId) {
        return db.sql("""
                        INSERT INTO tenant_secrets (tenant_id, secret, created_at) VALUES (:tenant, :secret, :now)
                        ON CONFLICT (tenant_id) DO NOTHING""")
                .bind("tenant", tenantId).bind("secret", "whsec_" + ApiKeys.hex(24)).bind("now", now())
                .then()
                .then(db.sql("SELECT secret FROM tenant_secrets WHERE tenant_id = :tenant").bind("tenant", tenantId)
                        .map(row -> row.get("secret", String.class)).one());
    }

    private static JsonNode delivery(Readable row) {
        var node = PipelineJson.mapper().createObjectNode();
        node.put("id", String.valueOf(row.get("id", UUID.class)));
        node.put("eventId", String.valueOf(row.get("event_id", UUID.class)));
        node.put("eventType", row.get("event_type", String.class));
        node.put("subjectId", row.get("subject_id", String.class));
        node.put("attempts", row.get("attempt", Integer.class));
        node.put("state", row.get("state", String.class));
        OffsetDateTime next = row.get("next_attempt_at", OffsetDateTime.class);
        node.put("nextAttemptAt", next == null ? null : next.toInstant().toString());
        Integer status = row.get("last_status", Integer.class);
        if (status == null) {
            node.putNull("lastStatus");
        } else {
            node.put("lastStatus", status);
        }
        node.put("lastError", row.get("last_error", String.class));
        node.put("response", row.get("response", String.class));
        node.put("createdAt", row.get("created_at", OffsetDateTime.class).toInstant().toString());
        Object attempts = row.get("attempts");
        node.set("attemptLog", PipelineJson.mapper().readTree(attempts instanceof Json json ? json.asString()
                : String.valueOf(attempts)));
        return node;
    }

    private static Webhook webhook(Readable row) {
        String[] events = row.get("events", String[].class);
        return new Webhook(row.get("id", UUID.class), row.get("tenant_id", String.class), row.get("url", String.class),
                events == null ? List.of() : List.of(events), row.get("secret", String.class),
                row.get("created_at", OffsetDateTime.class));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
