package com.talentpipeline.ingest.submission;

import com.talentpipeline.core.task.intake.Accepted;
import com.talentpipeline.core.task.intake.IntakeRequest;
import com.talentpipeline.core.task.intake.TaskIntake;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Accepts a resume or job document through the task intake kit ({@link TaskIntake}): the document row
 * ({@link DocumentRows}) joins the kit's one statement with the task row and the idempotency key (one round
 * trip, atomic), the submission's extra writes join it in a transaction; the event is published and only once
 * Kafka acknowledged it is the submission accepted, else the rows are undone (a new version of an existing
 * document restored to the previous one) and the client gets 503 with Retry-After.
 */
@Service
public class SubmissionService {

    private final DatabaseClient db;
    private final TaskIntake intake;

    public SubmissionService(DatabaseClient db, TaskIntake intake) {
        this.db = db;
        this.intake = intake;
    }

    /**
     * Who submits and what comes with the submission besides the document.
     *
     * @param tenantId    the caller's tenant
     * @param userId      the person the resume belongs to ({@code resumes.user_id}), or null to keep it
     * @param callbackUrl where the task's outcome is posted (checked already), or null
     */
    public record Client(String tenantId, String userId, String callbackUrl) {
    }

    /** Accepts the submission for the tenant, with no user or callback. */
    public <P> Mono<Accepted> submit(Submission<P> submission, String tenantId, String traceparent) {
        return submit(submission, new Client(tenantId, null, null), traceparent);
    }

    /** Accepts the submission, or replays the earlier one with the same Idempotency-Key. */
    public <P> Mono<Accepted> submit(Submission<P> s, Client client, String traceparent) {
        IntakeRequest<P, DocumentRows.Previous> request = new IntakeRequest<>(s.type(), s.topic(), s.subjectId(),
                s.contentHash(), s.payloadFactory(), s.idempotencyKey(), client.callbackUrl(),
                new DocumentRows(db, s, client.userId()), s.finished());
        return intake.submit(request, client.tenantId(), traceparent);
    }

    /** Whether a document (table resumes or jobs) with this id exists for the tenant. */
    public Mono<Boolean> exists(String table, String tenantId, String id) {
        return db.sql("SELECT 1 FROM " + table + " WHERE id = :id AND tenant_id = :tenant")
                .bind("id", id)
                .bind("tenant", tenantId)
                .map(row -> true)
                .one()
                .defaultIfEmpty(false);
    }
}
