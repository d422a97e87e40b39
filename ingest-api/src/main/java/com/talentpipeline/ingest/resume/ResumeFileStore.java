package com.talentpipeline.ingest.resume;

import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.ingest.config.IngestProperties;
import io.r2dbc.postgresql.codec.Json;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
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

    /** Inserts or replaces the file row for this version. */
    Mono<Void> save(String resumeId, String tenantId, int version, String userId, ParsedUpload upload) {
        String text = upload.text();
        int keep = Math.max(0, Math.min(text.length(), properties.storedTextChars()));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("warnings", upload.warnings());
        report.put("provenance", upload.parsed().provenance());
        report.put("links", upload.parsed().links());
        report.put("undatedRoles", upload.parsed().undatedRoles());
        var spec = db.sql("""
                        INSERT INTO resume_files (resume_id, tenant_id, version, user_id, media_type, sha256, size_bytes,
                                                  bytes, text, text_length, parse, created_at)
                        VALUES (:id, :tenant, :version, :user, :media, :sha, :size, :bytes, :text, :length, :parse, :now)
                        ON CONFLICT (resume_id) DO UPDATE SET version = EXCLUDED.version, user_id = EXCLUDED.user_id,
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
        return spec.then();
    }

    /** Drops the file row: a JSON update replaces a file-based version, whose file no longer applies. */
    Mono<Void> delete(String resumeId) {
        return db.sql("DELETE FROM resume_files WHERE resume_id = :id").bind("id", resumeId).then();
    }
}
