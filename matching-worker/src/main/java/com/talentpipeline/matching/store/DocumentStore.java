package com.talentpipeline.matching.store;

import com.talentpipeline.core.erasure.ErasedSubjects;
import com.talentpipeline.core.erasure.SubjectLock;
import com.talentpipeline.core.job.Job;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.resume.Resume;
import com.talentpipeline.core.resume.ResumeSubmitted;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The matching worker's own projection of the documents it matches ({@code matching_resumes},
 * {@code matching_jobs}), filled from {@code resume.submitted} and {@code job.submitted} by
 * {@link DocumentListeners}: the ingest API owns the documents, this worker keeps what it needs of their
 * events. Reads are by tenant (another tenant's id reads as absent), except the index loader's.
 */
@Repository
public class DocumentStore {

    /**
     * What counts as a resume's remote preference: a mention of remote work in its summary or in the
     * text of its uploaded file (PostgreSQL regular expression, case-insensitive, whole words), evaluated
     * when the version is stored. Resumes carry no structured remote field, so this text signal is what
     * {@code remote=} filters on.
     */
    public static final String REMOTE_PATTERN = "\\m(remote|remotely|work from home|working from home|wfh|telecommut\\w*)\\M";

    /** How often a waiting reader looks again for a document the projection has not stored yet. */
    private static final Duration POLL = Duration.ofMillis(100);

    /** The version-guarded upsert of a resume; never for an erased one. */
    private static final String SAVE_RESUME = """
            INSERT INTO matching_resumes AS r (id, tenant_id, version, content_hash, content, location, remote, updated_at)
            SELECT :id, :tenant, :version, :hash, :content, :location,
                   (coalesce(:summary, '') || ' ' || coalesce(:text, '')) ~* :remote, :at
            WHERE %s
            ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, content_hash = EXCLUDED.content_hash,
                content = EXCLUDED.content, location = EXCLUDED.location, remote = EXCLUDED.remote,
                updated_at = EXCLUDED.updated_at
            WHERE r.version < EXCLUDED.version AND r.tenant_id = EXCLUDED.tenant_id
            RETURNING r.version""".formatted(ErasedSubjects.notErased("tenant", "id"));

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Duration requestWait;
    private final Duration eventWait;

    /** A store without waits or transactions (tests that override the reads). */
    public DocumentStore(DatabaseClient db) {
        this(db, null, Duration.ZERO, Duration.ZERO);
    }

    /**
     * The store as wired.
     *
     * @param requestWait how long a request by id waits for a document the projection does not hold yet
     * @param eventWait   how long a {@code resume.embedded} record waits for its version
     */
    @Autowired
    public DocumentStore(DatabaseClient db, TransactionalOperator tx,
            @Value("${pipeline.matching.documents.request-wait:1s}") Duration requestWait,
            @Value("${pipeline.matching.documents.wait:10s}") Duration eventWait) {
        this.db = db;
        this.tx = tx;
        this.requestWait = requestWait;
        this.eventWait = eventWait;
    }

    /** The tenant's resume, or empty (another tenant's id is empty too). */
    public Mono<StoredDocument> resume(String tenantId, String id) {
        return db.sql("SELECT id, tenant_id, version, content_hash, content FROM matching_resumes WHERE id = :id AND tenant_id = :tenant")
                .bind("id", id).bind("tenant", tenantId)
                .map(row -> read(row, null))
                .one();
    }

    /**
     * The tenant's resume for a request by id: a resume submitted a moment ago may not be projected yet,
     * so it is looked up again for up to {@code pipeline.matching.documents.request-wait}; empty after
     * that (the caller answers 404).
     */
    public Mono<StoredDocument> resumeForRequest(String tenantId, String id) {
        return patiently(resume(tenantId, id), requestWait);
    }

    /**
     * The tenant's resume once the projection holds at least {@code minVersion} (a {@code resume.embedded}
     * record may overtake its {@code resume.submitted}), looked up again for up to
     * {@code pipeline.matching.documents.wait}; empty when it did not arrive in time.
     */
    public Mono<StoredDocument> resumeAtLeast(String tenantId, String id, int minVersion) {
        return patiently(resume(tenantId, id).filter(d -> d.version() >= minVersion), eventWait);
    }

    /** Whether the resume was erased (a missing projection row then stays missing). */
    public Mono<Boolean> erased(String tenantId, String id) {
        return ErasedSubjects.isErased(db, tenantId, id);
    }

    /** The tenant's job, or empty. */
    public Mono<StoredDocument> job(String tenantId, String id) {
        return db.sql("SELECT id, tenant_id, version, content_hash, content, status FROM matching_jobs WHERE id = :id AND tenant_id = :tenant")
                .bind("id", id).bind("tenant", tenantId)
                .map(row -> read(row, row.get("status", String.class)))
                .one();
    }

    /** The tenant's jobs among {@code ids}. */
    public Flux<StoredDocument> jobs(String tenantId, Collection<String> ids) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("SELECT id, tenant_id, version, content_hash, content, status FROM matching_jobs WHERE id = ANY(:ids) AND tenant_id = :tenant")
                .bind("ids", ids.toArray(String[]::new)).bind("tenant", tenantId)
                .map(row -> read(row, row.get("status", String.class)))
                .all();
    }

    /**
     * The tenant's resumes among {@code ids} (latest stored version; an erased resume has no row), with
     * the parsed location and the remote mention of {@link StoredResume}.
     */
    public Flux<StoredResume> resumes(String tenantId, Collection<String> ids) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("""
                        SELECT id, tenant_id, version, content_hash, content, location, remote
                        FROM matching_resumes WHERE id = ANY(:ids) AND tenant_id = :tenant""")
                .bind("ids", ids.toArray(String[]::new)).bind("tenant", tenantId)
                .map(row -> new StoredResume(read(row, null), row.get("location", String.class),
                        Boolean.TRUE.equals(row.get("remote", Boolean.class))))
                .all();
    }

    /** Jobs among {@code ids}, any tenant (the index loader checks the tenant of each event). */
    public Flux<StoredDocument> jobsAnyTenant(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("SELECT id, tenant_id, version, content_hash, content, status FROM matching_jobs WHERE id = ANY(:ids)")
                .bind("ids", ids.toArray(String[]::new))
                .map(row -> read(row, row.get("status", String.class)))
                .all();
    }

    /**
     * Stores a resume version unless the same or a newer one is stored or the resume was erased (so a
     * replayed or late event changes nothing, and an erased resume does not come back); emits true when
     * stored. The remote mention is computed here from the summary and the uploaded file's text.
     */
    public Mono<Boolean> saveResume(String tenantId, String id, int version, String contentHash, Resume resume,
            ResumeSubmitted.ResumeUpload upload) {
        var spec = db.sql(SAVE_RESUME)
                .bind("id", id).bind("tenant", tenantId).bind("version", version)
                .bind("hash", contentHash == null ? "" : contentHash)
                .bind("content", Json.of(PipelineJson.mapper().writeValueAsString(resume)))
                .bind("remote", REMOTE_PATTERN)
                .bind("at", OffsetDateTime.now(ZoneOffset.UTC));
        spec = bindText(spec, "summary", resume.summary());
        spec = bindText(spec, "text", upload == null ? null : upload.text());
        spec = bindText(spec, "location", upload == null ? null : upload.location());
        Mono<Boolean> work = spec.map(row -> true).one().defaultIfEmpty(false);
        return tx.transactional(SubjectLock.acquire(db, tenantId, id).then(work));
    }

    /** Stores a job version unless the same or a newer one is stored; emits true when stored. */
    public Mono<Boolean> saveJob(String tenantId, String id, int version, String contentHash, Job job) {
        return db.sql("""
                        INSERT INTO matching_jobs AS j (id, tenant_id, version, content_hash, content, status, updated_at)
                        VALUES (:id, :tenant, :version, :hash, :content, :status, :at)
                        ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, content_hash = EXCLUDED.content_hash,
                            content = EXCLUDED.content, status = EXCLUDED.status, updated_at = EXCLUDED.updated_at
                        WHERE j.version < EXCLUDED.version AND j.tenant_id = EXCLUDED.tenant_id
                        RETURNING j.version""")
                .bind("id", id).bind("tenant", tenantId).bind("version", version)
                .bind("hash", contentHash == null ? "" : contentHash)
                .bind("content", Json.of(PipelineJson.mapper().writeValueAsString(job)))
                .bind("status", job.status().wireName())
                .bind("at", OffsetDateTime.now(ZoneOffset.UTC))
                .map(row -> true).one().defaultIfEmpty(false);
    }

    /** Deletes the resume's projection row (erasure, under the subject's lock); emits how many rows went. */
    public Mono<Long> erase(String tenantId, String id) {
        return tx.transactional(SubjectLock.acquire(db, tenantId, id)
                .then(db.sql("DELETE FROM matching_resumes WHERE tenant_id = :tenant AND id = :id")
                        .bind("tenant", tenantId).bind("id", id).fetch().rowsUpdated()));
    }

    /**
     * {@code lookup} subscribed again every 100 ms while it is empty, for up to {@code wait}; empty when the
     * document did not turn up in time.
     */
    static <T> Mono<T> patiently(Mono<T> lookup, Duration wait) {
        long times = wait.toMillis() / POLL.toMillis();
        // The companion completing (after `times` polls) completes the lookup empty.
        return times <= 0 ? lookup : lookup.repeatWhenEmpty(ticks -> ticks.take(times).delayElements(POLL));
    }

    private static DatabaseClient.GenericExecuteSpec bindText(DatabaseClient.GenericExecuteSpec spec, String name,
            String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    private static StoredDocument read(Readable row, String status) {
        return new StoredDocument(row.get("id", String.class), row.get("tenant_id", String.class),
                row.get("version", Integer.class), row.get("content_hash", String.class),
                skills(row.get("content", Json.class)), status);
    }

    static List<String> skills(Json content) {
        List<String> out = new ArrayList<>();
        if (content == null) {
            return out;
        }
        JsonNode node = PipelineJson.mapper().readTree(content.asString());
        for (JsonNode skill : node.path("skills")) {
            String name = skill.isString() ? skill.asString() : skill.path("name").asString("");
            if (!name.isBlank()) {
                out.add(name);
            }
        }
        return out;
    }
}
