package com.talentpipeline.ingest.resume;

import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.resume.ResumeSubmitted;
import com.talentpipeline.ingest.config.IngestProperties;
import io.r2dbc.postgresql.codec.Json;
import java.nio.ByteBuffer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The {@code resume_files} table: the original file of a resume's latest version, the first
 * {@code stored-text-chars} of its text and the parse report. Written inside the submission's
 * transaction (see {@code Submission#extraWrites}).
 */
@Repository
public class ResumeFileStore {

    private final DatabaseClient db;
    private final IngestProperties properties;

    public ResumeFileStore(DatabaseClient db, IngestProperties properties) {
        this.db = db;
        this.properties = properties;
    }

    /** What {@code resume.submitted} tells consumers about the file: the same cut text this store keeps. */
    ResumeSubmitted.ResumeUpload describe(String userId, ParsedUpload upload) {
        String text = upload.text();
        int keep = Math.max(0, Math.min(text.length(), properties.storedTextChars()));
        return new ResumeSubmitted.ResumeUpload(userId, upload.fileName(), upload.type().mediaType(),
                text.substring(0, keep), text.length(), upload.parsed().location());
    }

    /** Inserts or replaces the file row for this version. */
    Mono<Void> save(String resumeId, String tenantId, int version, String userId, ParsedUpload upload) {
        String text = upload.text();
        int keep = Math.max(0, Math.min(text.length(), properties.storedTextChars()));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("warnings", upload.warnings());
        report.put("provenance", provenance(upload));
        if (upload.ocr() != null) {
            Map<String, Object> ocr = new LinkedHashMap<>();
            ocr.put("pages", upload.ocr().pages());
            ocr.put("engine", upload.ocr().engine());
            ocr.put("millis", upload.ocr().millis());
            ocr.put("textStart", upload.ocr().start());
            ocr.put("textEnd", upload.ocr().end());
            report.put("ocr", ocr);
        }
        report.put("links", upload.parsed().links());
        report.put("undatedRoles", upload.parsed().undatedRoles());
        report.put("headline", upload.parsed().headline());
        report.put("employer", upload.parsed().employer());
        report.put("location", upload.parsed().location());
        report.put("places", upload.parsed().places());
        var spec = db.sql("""
                        INSERT INTO resume_files (resume_id, tenant_id, version, user_id, media_type, sha256, size_bytes,
                                                  bytes, text, text_length, parse, created_at, file_name)
                        VALUES (:id, :tenant, :version, :user, :media, :sha, :size, :bytes, :text, :length, :parse, :now,
                                :fileName)
                        ON CONFLICT (resume_id) DO UPDATE SET version = EXCLUDED.version, user_id = EXCLUDED.user_id,
                            file_name = EXCLUDED.file_name,
                            media_type = EXCLUDED.media_type, sha256 = EXCLUDED.sha256, size_bytes = EXCLUDED.size_bytes,
                            bytes = EXCLUDED.bytes, text = EXCLUDED.text, text_length = EXCLUDED.text_length,
                            parse = EXCLUDED.parse, created_at = EXCLUDED.created_at""")
                .bind("id", resumeId)
                .bind("tenant", tenantId)
                .bind("version", version)
                .bind("media", upload.type().mediaType())
                .bind("sha", upload.sha256())
                .bind("size", upload.bytes().length)
                .bind("bytes", java.nio.ByteBuffer.wrap(upload.bytes()))
                .bind("text", text.substring(0, keep))
                .bind("length", text.length())
                .bind("parse", Json.of(PipelineJson.mapper().writeValueAsString(report)))
                .bind("now", OffsetDateTime.now(ZoneOffset.UTC));
        spec = userId == null ? spec.bindNull("user", String.class) : spec.bind("user", userId);
        spec = upload.fileName() == null ? spec.bindNull("fileName", String.class)
                : spec.bind("fileName", upload.fileName());
        return spec.then();
    }

    /**
     * Field provenance for the report: {@code {line, start, end, source}} per field, where source is
     * {@code ocr} when the value lies in the OCR'd block of the text, else {@code text} (a text layer).
     */
    static Map<String, Object> provenance(ParsedUpload upload) {
        Map<String, Object> out = new LinkedHashMap<>();
        upload.parsed().provenance().forEach((field, span) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("line", span.line());
            m.put("start", span.start());
            m.put("end", span.end());
            m.put("source", upload.ocr() != null && upload.ocr().covers(span.start(), span.end()) ? "ocr" : "text");
            out.put(field, m);
        });
        return out;
    }

    /** Remembers the file row of the current version, to restore it if the next version is rolled back. */
    Undo undo(String resumeId) {
        return new Undo(resumeId);
    }

    /**
     * The file row as it was before a new version, taken inside the submission's transaction
     * ({@link #snapshot()}, before the new version's writes) and put back by {@link #restore(int)} when Kafka did
     * not acknowledge the new version (the document row was restored to the previous version just before).
     */
    final class Undo {

        private final String resumeId;
        private final AtomicReference<FileRow> previous = new AtomicReference<>();

        private Undo(String resumeId) {
            this.resumeId = resumeId;
        }

        /** Reads the current file row, if any. */
        Mono<Void> snapshot() {
            return db.sql("SELECT * FROM resume_files WHERE resume_id = :id")
                    .bind("id", resumeId)
                    .map(row -> new FileRow(row.get("tenant_id", String.class), row.get("version", Integer.class),
                            row.get("user_id", String.class), row.get("media_type", String.class),
                            row.get("sha256", String.class), row.get("size_bytes", Integer.class),
                            row.get("bytes", ByteBuffer.class), row.get("text", String.class),
                            row.get("text_length", Integer.class), row.get("parse", Json.class),
                            row.get("created_at", OffsetDateTime.class), row.get("file_name", String.class)))
                    .one()
                    .doOnNext(previous::set)
                    .then();
        }

        /** Removes the rolled-back version's file row and puts the previous one back. */
        Mono<Void> restore(int version) {
            Mono<Void> drop = db.sql("DELETE FROM resume_files WHERE resume_id = :id AND version = :version")
                    .bind("id", resumeId).bind("version", version).then();
            FileRow row = previous.get();
            if (row == null) {
                return drop;
            }
            var spec = db.sql("""
                            INSERT INTO resume_files (resume_id, tenant_id, version, user_id, media_type, sha256,
                                                      size_bytes, bytes, text, text_length, parse, created_at, file_name)
                            SELECT :id, :tenant, :version, :user, :media, :sha, :size, :bytes, :text, :length, :parse, :at,
                                   :fileName
                            WHERE EXISTS (SELECT 1 FROM resumes WHERE id = :id AND version = :version)
                            ON CONFLICT (resume_id) DO NOTHING""")
                    .bind("id", resumeId)
                    .bind("tenant", row.tenantId())
                    .bind("version", row.version())
                    .bind("media", row.mediaType())
                    .bind("sha", row.sha256())
                    .bind("size", row.sizeBytes())
                    .bind("bytes", row.bytes())
                    .bind("text", row.text())
                    .bind("length", row.textLength())
                    .bind("parse", row.parse())
                    .bind("at", row.createdAt());
            spec = row.userId() == null ? spec.bindNull("user", String.class) : spec.bind("user", row.userId());
            spec = row.fileName() == null ? spec.bindNull("fileName", String.class)
                    : spec.bind("fileName", row.fileName());
            return drop.then(spec.then());
        }
    }

    private record FileRow(String tenantId, int version, String userId, String mediaType, String sha256,
            int sizeBytes, ByteBuffer bytes, String text, int textLength, Json parse, OffsetDateTime createdAt,
            String fileName) {
    }

    /** Drops the file row: a JSON update replaces a file-based version, whose file no longer applies. */
    Mono<Void> delete(String resumeId) {
        return db.sql("DELETE FROM resume_files WHERE resume_id = :id").bind("id", resumeId).then();
    }
}
