package com.talentpipeline.results.prediction;

import com.talentpipeline.core.tenant.RequestTenant;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.core.web.Cursors;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * One prediction per resume upload. Its id is the upload's task id (the {@code taskId} of the 202 answer
 * to {@code POST}/{@code PUT /v1/resumes}), so a client needs no second id, each upload (version) has its
 * own prediction, and an older version's prediction stays readable after a newer upload.
 * {@code GET /v1/predictions/{id}}: career path, ATS score and top jobs of that version, each with its
 * state. {@code GET /v1/predictions?userId=&resumeId=&limit=&cursor=}: the tenant's, newest first.
 * {@code DELETE /v1/predictions/{id}}: an upload's prediction (every part of its version) or one part by
 * its {@code predictionId}. Another tenant's ids answer 404, never the data.
 */
@RestController
public class PredictionController {

    /** How often a read waiting for the projection looks again. */
    private static final Duration PROJECTION_POLL = Duration.ofMillis(50);
    /** Only an upload this young is waited for: an older one's event is not about to arrive. */
    private static final Duration FRESH = Duration.ofMinutes(1);

    private final PredictionStore store;
    private final PredictionProperties properties;

    PredictionController(PredictionStore store, PredictionProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    @GetMapping(path = "/v1/predictions/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<PredictionView> get(@PathVariable String id, ServerWebExchange exchange) {
        String tenant = RequestTenant.of(exchange);
        return Mono.justOrEmpty(uuid(id))
                .flatMap(taskId -> store.find(tenant, taskId)
                        .flatMap(upload -> projected(tenant, upload, Instant.now().plus(properties.projectionWait())))
                        // The parts are read again after the workers' task states: a score's rows commit with its
                        // SUCCEEDED state, so a state read first never meets parts read before that commit.
                        .flatMap(upload -> store.workerTasks(tenant, Predictions.workerTaskIds(upload))
                                .flatMap(tasks -> store.find(tenant, taskId).map(fresh -> Predictions.of(fresh, tasks)))))
                .switchIfEmpty(Mono.error(() -> ApiProblemException.notFound("Prediction", id)));
    }

    @GetMapping(path = "/v1/predictions", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<PredictionPage> list(@RequestParam(required = false) String userId,
            @RequestParam(required = false) String resumeId, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor, ServerWebExchange exchange) {
        int size = Cursors.limit(limit, 20, 100);
        String tenant = RequestTenant.of(exchange);
        String scope = PredictionCursor.scope(tenant, userId, resumeId);
        PredictionCursor after = PredictionCursor.decode(cursor, scope);
        return store.page(tenant, userId, resumeId, after == null ? null : after.createdAt(),
                        after == null ? null : after.taskId(), size)
                .collectList()
                .flatMap(rows -> {
                    boolean more = rows.size() > size;
                    List<UploadRow> page = more ? rows.subList(0, size) : rows;
                    List<UUID> ids = new ArrayList<>();
                    page.forEach(u -> ids.addAll(Predictions.workerTaskIds(u)));
                    UploadRow last = page.isEmpty() ? null : page.get(page.size() - 1);
                    String next = more ? PredictionCursor.after(last.createdAt(), last.taskId(), scope) : null;
                    // As for one prediction: the parts are read again after the workers' task states, so a
                    // state read as SUCCEEDED never meets parts read before its rows committed ("deleted").
                    return store.workerTasks(tenant, ids)
                            .flatMap(tasks -> store.parts(tenant, page.stream().map(UploadRow::resumeId).toList())
                                    .map(parts -> new PredictionPage(page.stream()
                                            .map(u -> Predictions.of(
                                                    u.withParts(parts.getOrDefault(u.resumeId(), List.of())), tasks))
                                            .toList(), next)));
                });
    }

    /**
     * Deletes an upload's prediction (the stored parts of its version; they show as {@code deleted}
     * afterwards) or a single part by the {@code predictionId} a part or the per-user listing shows.
     */
    @DeleteMapping("/v1/predictions/{id}")
    public Mono<ResponseEntity<Void>> delete(@PathVariable String id, ServerWebExchange exchange) {
        String tenant = RequestTenant.of(exchange);
        return Mono.justOrEmpty(uuid(id))
                .flatMap(uuid -> store.deletePart(tenant, uuid)
                        .flatMap(n -> n > 0 ? Mono.just(n) : store.deleteUpload(tenant, uuid)))
                .map(n -> ResponseEntity.noContent().<Void>build())
                .switchIfEmpty(Mono.error(() -> ApiProblemException.notFound("Prediction", id)));
    }

    /**
     * The upload once this service has projected its current version's {@code resume.submitted} (read again
     * every {@link #PROJECTION_POLL} until {@code deadline}), so that a read right after the 202 shows the
     * upload's source and owner; as it is when the deadline passes, the version is no longer current, or the
     * upload is not fresh (its event is not about to arrive: its source stays unknown).
     */
    private Mono<UploadRow> projected(String tenant, UploadRow upload, Instant deadline) {
        Instant now = Instant.now();
        if (upload.fromUpload() != null || upload.version() != upload.currentVersion() || !now.isBefore(deadline)
                || upload.createdAt().isBefore(now.minus(FRESH))) {
            return Mono.just(upload);
        }
        return Mono.delay(PROJECTION_POLL)
                .then(store.find(tenant, upload.taskId()))
                .flatMap(fresh -> projected(tenant, fresh, deadline));
    }

    private static java.util.Optional<UUID> uuid(String id) {
        try {
            return java.util.Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty(); // a malformed id is an unknown one: 404
        }
    }

    /**
     * A page of predictions.
     *
     * @param items      newest upload first
     * @param nextCursor pass back unchanged for the next page; null on the last
     */
    public record PredictionPage(List<PredictionView> items, String nextCursor) {
    }
}
