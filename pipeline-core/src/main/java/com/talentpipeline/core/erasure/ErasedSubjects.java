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
     * A SQL condition that holds while the subject is not erased, for a writer's own statement (an
     * {@code INSERT ... SELECT ... WHERE} of a projection), so the check and the write are one statement:
     * {@code tenantParam} and {@code idParam} name the statement's bind markers (without the colon).
     */
    public static String notErased(String tenantParam, String idParam) {
        return "NOT EXISTS (SELECT 1 FROM erased_subjects e WHERE e.tenant_id = :" + tenantParam
                + " AND e.subject_id = :" + idParam + ")";
    }

    /** Takes a tombstone back: the erasure could not be announced, so nothing was erased. */
    public static Mono<Void> forget(DatabaseClient db, String tenantId, String subjectId) {
        return db.sql("DELETE FROM erased_subjects WHERE tenant_id = :tenant AND subject_id = :id")
                .bind("tenant", tenantId).bind("id", subjectId).then();
    }

    /** Whether the subject was erased (its tombstone is committed, or written in the caller's transaction). */
    public static Mono<Boolean> isErased(DatabaseClient db, String tenantId, String subjectId) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM erased_subjects WHERE tenant_id = :tenant AND subject_id = :id) AS erased")
                .bind("tenant", tenantId).bind("id", subjectId)
                .map(row -> Boolean.TRUE.equals(row.get("erased", Boolean.class)))
                .one()
                .defaultIfEmpty(false);
    }

    /**
     * A writer's guard: takes the subject's {@link SubjectLock}, then runs {@code write} unless the subject was
     * erased, in which case it emits nothing. Call it inside the write's transaction: the lock orders the write
     * and an erasure, so either the write commits first (and the erasure deletes what it wrote) or it runs after
     * and sees the tombstone.
     */
    public static <T> Mono<T> unlessErased(DatabaseClient db, String tenantId, String subjectId, Mono<T> write) {
        return SubjectLock.acquire(db, tenantId, subjectId)
                .then(isErased(db, tenantId, subjectId))
                .flatMap(erased -> erased ? Mono.<T>empty() : write);
    }
}
