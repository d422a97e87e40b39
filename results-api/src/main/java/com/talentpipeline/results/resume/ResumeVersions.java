package com.talentpipeline.results.resume;

import com.talentpipeline.core.erasure.ErasedSubjects;
import com.talentpipeline.core.erasure.SubjectLock;
import com.talentpipeline.core.resume.ResumeSubmitted;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The {@code resume_versions} table (this service's): what {@code resume.submitted} said about each resume
 * version. One row per (tenant, resume, version), rewritten by a replayed or re-sent event; never written
 * for an erased resume, so a late or replayed event cannot bring an erased person's user id or file name back.
 */
@Repository
public class ResumeVersions {

    private final DatabaseClient db;
    private final TransactionalOperator tx;

    public ResumeVersions(DatabaseClient db, TransactionalOperator tx) {
        this.db = db;
        this.tx = tx;
    }

    /**
     * Upserts the version's row; emits false (and writes nothing) when the resume was erased. Under the
     * subject's lock, like every writer that checks the erasure tombstones: either this commits before the
     * erasure (whose participant then deletes the row) or it sees the tombstone.
     *
     * @param tenantId    the event's tenant
     * @param submitted   the event's payload
     * @param submittedAt when ingest produced it
     */
    public Mono<Boolean> record(String tenantId, ResumeSubmitted submitted, Instant submittedAt) {
        ResumeSubmitted.ResumeUpload upload = submitted.upload();
        var upsert = db.sql("""
                        INSERT INTO resume_versions (tenant_id, resume_id, version, user_id, upload, file_name,
                                                     media_type, submitted_at)
                        VALUES (:tenant, :resume, :version, :user, :upload, :file, :media, :at)
                        ON CONFLICT (tenant_id, resume_id, version) DO UPDATE SET user_id = EXCLUDED.user_id,
                            upload = EXCLUDED.upload, file_name = EXCLUDED.file_name, media_type = EXCLUDED.media_type,
                            submitted_at = EXCLUDED.submitted_at""")
                .bind("tenant", tenantId).bind("resume", submitted.resumeId()).bind("version", submitted.version())
                .bind("upload", upload != null)
                .bind("at", OffsetDateTime.ofInstant(submittedAt == null ? Instant.now() : submittedAt, ZoneOffset.UTC));
        upsert = bindText(upsert, "user", submitted.ownerUserId());
        upsert = bindText(upsert, "file", upload == null ? null : upload.fileName());
        upsert = bindText(upsert, "media", upload == null ? null : upload.mediaType());
        Mono<Long> write = upsert.fetch().rowsUpdated();
        Mono<Boolean> guarded = SubjectLock.acquire(db, tenantId, submitted.resumeId())
                .then(ErasedSubjects.isErased(db, tenantId, submitted.resumeId()))
                .flatMap(erased -> erased ? Mono.just(false) : write.thenReturn(true));
        return tx.transactional(guarded);
    }

    /**
     * Whether the version came from an uploaded file; empty when its {@code resume.submitted} has not been
     * projected (yet), so a caller can tell "no" from "not known".
     */
    public Mono<Boolean> fromUpload(String tenantId, String resumeId, int version) {
        return db.sql("SELECT upload FROM resume_versions WHERE tenant_id = :tenant AND resume_id = :resume"
                        + " AND version = :version")
                .bind("tenant", tenantId).bind("resume", resumeId).bind("version", version)
                .map(row -> row.get("upload", Boolean.class))
                .one();
    }

    private static DatabaseClient.GenericExecuteSpec bindText(DatabaseClient.GenericExecuteSpec spec, String name,
            String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }
}
