package com.talentpipeline.ingest.ask;

import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.core.web.FieldProblem;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** The documents this module owns, as a request sees them: 404 for ids the tenant cannot see. */
final class Documents {

    private final DatabaseClient db;
    private final java.time.Duration retryAfter;

    Documents(DatabaseClient db, java.time.Duration retryAfter) {
        this.db = db;
        this.retryAfter = retryAfter;
    }

    private <T> Mono<T> storeDown(Mono<T> query) {
        return query.onErrorMap(e -> !(e instanceof ApiProblemException), e -> ApiProblemException.unavailable(
                "The document store is unavailable; nothing was accepted. Retry later.", retryAfter));
    }

    /** Completes when the tenant's resume exists, else 404. */
    Mono<Void> resume(String tenantId, String resumeId) {
        return storeDown(db.sql("SELECT 1 FROM resumes WHERE id = :id AND tenant_id = :tenant")
                .bind("id", resumeId).bind("tenant", tenantId)
                .map(row -> true).one()
                .switchIfEmpty(Mono.error(() -> ApiProblemException.notFound("Resume", resumeId)))
                .then());
    }

    /**
     * The tenant's jobs among {@code ids}, each with its status ({@code open}, {@code closed}); ids the
     * tenant cannot see are absent.
     */
    Mono<Map<String, String>> jobStatuses(String tenantId, Collection<String> ids) {
        return storeDown(db.sql("SELECT id, status FROM jobs WHERE id = ANY(:ids) AND tenant_id = :tenant")
                .bind("ids", ids.toArray(String[]::new)).bind("tenant", tenantId)
                .map(row -> Map.entry(String.valueOf(row.get("id", String.class)),
                        String.valueOf(row.get("status", String.class))))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Completes when the tenant's job exists and is open; 404 or 409 {@code job_closed}. */
    Mono<Void> openJob(String tenantId, String jobId) {
        return storeDown(db.sql("SELECT status FROM jobs WHERE id = :id AND tenant_id = :tenant")
                .bind("id", jobId).bind("tenant", tenantId)
                .map(row -> String.valueOf(row.get("status", String.class))).one()
                .switchIfEmpty(Mono.error(() -> ApiProblemException.notFound("Job", jobId)))
                .flatMap(status -> "closed".equalsIgnoreCase(status)
                        ? Mono.error(new ApiProblemException(HttpStatus.CONFLICT, "job_closed", "Job " + jobId + " is closed",
                                List.of(new FieldProblem("job_id", "is closed")), null))
                        : Mono.<Void>empty()));
    }

    /** The bytes of the tenant's uploaded image ({@code images}, this module's table), else 404. */
    Mono<byte[]> image(String tenantId, String imageId) {
        java.util.UUID id;
        try {
            id = java.util.UUID.fromString(imageId);
        } catch (IllegalArgumentException e) {
            // Not a UUID cannot be anybody's image: the same 404 as an unknown id.
            return Mono.error(ApiProblemException.notFound("Image", imageId));
        }
        return storeDown(db.sql("SELECT bytes FROM images WHERE id = :id AND tenant_id = :tenant")
                .bind("id", id).bind("tenant", tenantId)
                .map(row -> {
                    java.nio.ByteBuffer buffer = row.get("bytes", java.nio.ByteBuffer.class);
                    byte[] out = new byte[buffer.remaining()];
                    buffer.get(out);
                    return out;
                }).one()
                .switchIfEmpty(Mono.error(() -> ApiProblemException.notFound("Image", imageId))));
    }
}
