package com.talentpipeline.ingest.resume;

import com.talentpipeline.core.erasure.ErasedResume;
import com.talentpipeline.core.erasure.ErasureParticipant;
import com.talentpipeline.core.erasure.SubjectLock;
import com.talentpipeline.core.task.store.TaskErasure;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The ingest API's part of an erasure: the resume's idempotency keys (written by its intake; deleted through
 * the task kit's {@link TaskErasure}), then its own tables, the file and the resume row. Run by {@link ResumeErasure} inside the request's
 * transaction (not by the kit's listener: ingest erases before it answers, so a second DELETE is 404).
 */
class IngestErasure implements ErasureParticipant {

    /** The name the erasure task lists it by. */
    static final String NAME = "ingest";

    private final DatabaseClient db;
    private final TaskErasure keys;

    IngestErasure(DatabaseClient db) {
        this.db = db;
        this.keys = new TaskErasure(db);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Mono<Map<String, Long>> erase(ErasedResume resume) {
        Map<String, Long> counts = new LinkedHashMap<>();
        String tenant = resume.tenantId();
        String id = resume.resumeId();
        return SubjectLock.acquire(db, tenant, id)
                // The keys are the intake kit's rows: erased through its API.
                .then(keys.eraseIdempotencyKeys(tenant, id).doOnNext(n -> counts.merge("idempotency_keys", n, Long::sum)))
                .then(count(counts, "resume_files",
                        "DELETE FROM resume_files WHERE resume_id = :id AND tenant_id = :tenant", tenant, id))
                .then(count(counts, "resumes", "DELETE FROM resumes WHERE id = :id AND tenant_id = :tenant", tenant, id))
                .then(Mono.fromSupplier(() -> counts));
    }

    private Mono<Void> count(Map<String, Long> counts, String table, String sql, String tenant, String id) {
        return db.sql(sql).bind("id", id).bind("tenant", tenant).fetch().rowsUpdated()
                .doOnNext(n -> counts.merge(table, n, Long::sum))
                .then();
    }
}
