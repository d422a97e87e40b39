package com.talentpipeline.ingest.submission;

import com.talentpipeline.core.task.intake.OwnerRows;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.function.IntFunction;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * A resume or job document row, written in the intake kit's one statement with its task: version 1, or the
 * next version of an existing id (the row before is locked, read and returned, to restore it if Kafka does not
 * acknowledge the event).
 */
final class DocumentRows implements OwnerRows<DocumentRows.Previous> {

    /** A document row before a new version replaced it. */
    record Previous(int version, Json content, String contentHash, OffsetDateTime updatedAt, String status) {
    }

    private final DatabaseClient db;
    private final Submission<?> submission;
    private final String userId;
    private final String table;
    private final boolean status;
    private final boolean user;

    DocumentRows(DatabaseClient db, Submission<?> submission, String userId) {
        this.db = db;
        this.submission = submission;
        this.table = submission.documentTable();
        this.status = submission.status() != null;
        // Only resumes belong to a person.
        this.user = userId != null && table.equals("resumes");
        this.userId = userId;
    }

    @Override
    public String ctes() {
        return new StringBuilder()
                .append("prev AS (SELECT version, content, content_hash, updated_at").append(status ? ", status" : "")
                .append(" FROM ").append(table).append(" WHERE id = :subject AND tenant_id = :tenant FOR UPDATE),\n")
                // The insert reads prev, so the existing row is locked (and its latest version read) first.
                .append("doc AS (INSERT INTO ").append(table)
                .append(" (id, tenant_id, version, content, content_hash, created_at, updated_at")
                .append(status ? ", status" : "").append(user ? ", user_id" : "").append(")")
                .append(" SELECT :subject, :tenant, 1, :content, :hash, :now, :now")
                .append(status ? ", :status" : "").append(user ? ", :user" : "")
                .append(" FROM (SELECT 1) AS one LEFT JOIN prev ON true")
                .append(" ON CONFLICT (id) DO UPDATE SET version = ").append(table).append(".version + 1,")
                .append(" content = EXCLUDED.content, content_hash = EXCLUDED.content_hash,")
                .append(" updated_at = EXCLUDED.updated_at")
                .append(status ? ", status = EXCLUDED.status" : "").append(user ? ", user_id = EXCLUDED.user_id" : "")
                .append(" RETURNING version)")
                .toString();
    }

    @Override
    public String columns() {
        return ", prev.version AS previous_version, prev.content AS previous_content,"
                + " prev.content_hash AS previous_hash, prev.updated_at AS previous_updated"
                + (status ? ", prev.status AS previous_status" : "");
    }

    @Override
    public String joins() {
        return " LEFT JOIN prev ON true";
    }

    @Override
    public DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec) {
        spec = spec.bind("content", Json.of(submission.documentJson()));
        if (status) {
            spec = spec.bind("status", submission.status());
        }
        if (user) {
            spec = spec.bind("user", userId);
        }
        return spec;
    }

    @Override
    public Previous read(Readable row) {
        Integer before = row.get("previous_version", Integer.class);
        return before == null ? null : new Previous(before, row.get("previous_content", Json.class),
                row.get("previous_hash", String.class), row.get("previous_updated", OffsetDateTime.class),
                status ? row.get("previous_status", String.class) : null);
    }

    @Override
    public IntFunction<Mono<Void>> extraWrites() {
        return submission.extraWrites() == Submission.NO_WRITES ? null : submission.extraWrites();
    }

    /**
     * Version 1: the document goes (its file cascades). A later version: the row as it was before and the
     * submission's own undo of its extra writes, unless a newer version was accepted in the meantime.
     */
    @Override
    public Mono<Void> undo(Integer version, Previous previous) {
        if (version != null && version == 1) {
            return db.sql("DELETE FROM " + table + " WHERE id = :id AND version = 1")
                    .bind("id", submission.subjectId()).then();
        }
        if (previous == null || version == null) {
            return Mono.empty();
        }
        String statusSet = status ? ", status = :status" : "";
        var spec = db.sql("UPDATE " + table + " SET version = :previous, content = :content,"
                        + " content_hash = :hash, updated_at = :updated" + statusSet
                        + " WHERE id = :id AND version = :version")
                .bind("previous", previous.version())
                .bind("content", previous.content())
                .bind("hash", previous.contentHash())
                .bind("updated", previous.updatedAt())
                .bind("id", submission.subjectId())
                .bind("version", version);
        if (status) {
            spec = spec.bind("status", previous.status());
        }
        return spec.fetch().rowsUpdated()
                .flatMap(restored -> restored > 0 ? submission.undoWrites().apply(version) : Mono.empty());
    }
}
