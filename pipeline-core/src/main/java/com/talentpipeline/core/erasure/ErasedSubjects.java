package com.talentpipeline.core.erasure;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The tombstones of erased subjects ({@code erased_subjects}, a table of this kit; ids only). Written
 * before anyone deletes anything, under the {@link SubjectLock}: from then on no writer that checks the
 * table (task events, scores, RAG chunks) can store a row about the subject, so nothing a participant
 * deleted comes back.
 */
public final class ErasedSubjects {

    private ErasedSubjects() {
    }

    /** Records the subject as erased (in the caller's transaction, after taking its lock). */
    public static Mono<Void> record(DatabaseClient db, String tenantId, String subjectId) {
        return SubjectLock.acquire(db, tenantId, subjectId)
                .then(db.sql("""
                                INSERT INTO erased_subjects (tenant_id, subject_id, erased_at) VALUES (:tenant, :id, :now)
                                ON CONFLICT DO NOTHING""")
                        .bind("tenant", tenantId).bind("id", subjectId).bind("now", OffsetDateTime.now(ZoneOffset.UTC))
                        .then());
    }

    /**
     * Whether the subject was erased. A writer of a row about the subject takes the {@link SubjectLock} first,
     * in the same transaction as this check and its write, so the answer holds until it commits.
     */
    public static Mono<Boolean> isErased(DatabaseClient db, String tenantId, String subjectId) {
        return db.sql("SELECT 1 FROM erased_subjects WHERE tenant_id = :tenant AND subject_id = :id")
                .bind("tenant", tenantId).bind("id", subjectId)
                .map(row -> true).first().defaultIfEmpty(false);
    }

    /** Takes a tombstone back: the erasure could not be announced, so nothing was erased. */
    public static Mono<Void> forget(DatabaseClient db, String tenantId, String subjectId) {
        return db.sql("DELETE FROM erased_subjects WHERE tenant_id = :tenant AND subject_id = :id")
                .bind("tenant", tenantId).bind("id", subjectId).then();
    }
}
