package com.talentpipeline.core.erasure;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * A PostgreSQL transaction-scoped advisory lock on one subject (a resume id) of one tenant. The
 * erasure transaction and every writer that checks {@code erased_subjects} before inserting take it
 * first, so the two serialise: either the write commits before the erasure (which then deletes it) or
 * it runs after and sees the subject erased. Without it, a write whose check ran just before the
 * erasure committed could leave a row of an erased person behind (READ COMMITTED).
 */
public final class SubjectLock {

    private SubjectLock() {
    }

    /** Takes the lock in the caller's transaction; it is released at commit or rollback. */
    public static Mono<Void> acquire(DatabaseClient db, String tenantId, String subjectId) {
        return db.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .bind("key", tenantId + "/" + subjectId)
                .then();
    }
}
