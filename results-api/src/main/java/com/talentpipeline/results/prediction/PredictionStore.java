package com.talentpipeline.results.prediction;

import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.task.store.TaskReads;
import com.talentpipeline.core.task.store.TaskRow;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Reads uploads and their worker rows for the prediction resource, always scoped by tenant. An upload is
 * a {@code resume.embedding} task with the version the intake recorded ({@code subject_version}), read through
 * the task kit's {@link TaskReads}; its parts are the {@code predictions} rows the scoring and matching workers
 * wrote for that version. The resume's current version is its newest upload task's (the intake writes the task
 * with the document, so it is never behind); the owner and the file come from this service's projection of
 * {@code resume.submitted} ({@code resume_versions}), which may not hold a version for a few milliseconds
 * after its 202: then the upload's file is unknown (null), never guessed. A page is three queries whatever its
 * size (four with a user filter): the kit's page of upload tasks, the kit's current versions, and the
 * projection rows and parts of all of them by id list (parts aggregated per upload).
 */
@Repository
public class PredictionStore {

    /** The projection row, owner and parts of each upload, given as parallel arrays (task, resume, version). */
    private static final String DOCUMENTS = """
            SELECT u.task_id, o.user_id, v.upload, v.file_name, v.media_type, p.parts
            FROM unnest(CAST(:tasks AS uuid[]), CAST(:subjects AS text[]), CAST(:versions AS int[]))
                 AS u(task_id, subject_id, subject_version)
            LEFT JOIN resume_versions v
                   ON v.tenant_id = :tenant AND v.resume_id = u.subject_id AND v.version = u.subject_version
            LEFT JOIN LATERAL (""" + ResumeOwners.OWNER_OF_SUBJECT + """
            ) o ON true
            LEFT JOIN LATERAL (
                SELECT jsonb_agg(jsonb_build_object('id', p.id, 'kind', p.kind, 'version', p.resume_version,
                                                    'taskId', p.task_id, 'summary', p.summary,
                                                    'createdAt', p.created_at)) AS parts
                FROM predictions p
                WHERE p.tenant_id = :tenant AND p.resume_id = u.subject_id AND p.resume_version >= u.subject_version
            ) p ON true""";

    private static final String UPLOAD = TaskType.RESUME_EMBEDDING.wireName();

    private final DatabaseClient db;
    private final TaskReads tasks;

    public PredictionStore(DatabaseClient db) {
        this.db = db;
        this.tasks = new TaskReads(db);
    }

    /** The tenant's upload with this task id, or empty. */
    public Mono<UploadRow> find(String tenantId, UUID taskId) {
        return tasks.find(tenantId, taskId)
                .filter(PredictionStore::isUpload)
                .flatMap(task -> uploads(tenantId, List.of(task)).next());
    }

    /**
     * A page of the tenant's uploads, newest first, after the keyset position (created_at, id);
     * {@code limit + 1} rows are read to know whether there is a next page.
     */
    public Flux<UploadRow> page(String tenantId, String userId, String resumeId, OffsetDateTime afterCreated,
            UUID afterId, int limit) {
        return subjects(tenantId, userId, resumeId)
                .flatMapMany(subjects -> tasks.versionedPage(tenantId, UPLOAD, subjects.orElse(null), afterCreated,
                        afterId, limit + 1).collectList())
                .flatMap(page -> uploads(tenantId, page));
    }

    /**
     * The resumes a page is limited to: the user's (their owner, by the projection, is the user), the one resume
     * asked for, both (intersected), or none when neither filter is given (empty Optional: no limit).
     */
    private Mono<Optional<List<String>>> subjects(String tenantId, String userId, String resumeId) {
        if (userId == null) {
            return Mono.just(resumeId == null ? Optional.empty() : Optional.of(List.of(resumeId)));
        }
        return db.sql("SELECT DISTINCT u.resume_id FROM (" + ResumeOwners.RESUMES_OF_USER + ") u(resume_id) "
                        + "WHERE (" + ResumeOwners.OWNER_OF_RESUME + ") = :user")
                .bind("tenant", tenantId).bind("user", userId)
                .map(row -> row.get("resume_id", String.class))
                .all()
                .filter(id -> resumeId == null || resumeId.equals(id))
                .collectList()
                .map(Optional::of);
    }

    /** The uploads of these tasks, in their order, each with its current version, owner, file and parts. */
    private Flux<UploadRow> uploads(String tenantId, List<TaskRow> page) {
        if (page.isEmpty()) {
            return Flux.empty();
        }
        Mono<Map<String, Integer>> current = tasks.latestVersions(tenantId, UPLOAD,
                page.stream().map(TaskRow::subjectId).toList());
        Mono<Map<UUID, Document>> documents = db.sql(DOCUMENTS)
                .bind("tenant", tenantId)
                .bind("tasks", page.stream().map(TaskRow::id).toArray(UUID[]::new))
                .bind("subjects", page.stream().map(TaskRow::subjectId).toArray(String[]::new))
                .bind("versions", page.stream().map(TaskRow::subjectVersion).toArray(Integer[]::new))
                .map(row -> Map.entry(row.get("task_id", UUID.class), document(row)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
        return Mono.zip(current, documents).flatMapMany(both -> Flux.fromIterable(page)
                .map(task -> upload(task, both.getT1().getOrDefault(task.subjectId(), task.subjectVersion()),
                        both.getT2().get(task.id()))));
    }

    /** The tenant's tasks with these ids (the workers' tasks of the uploads' versions), by id. */
    public Mono<Map<UUID, UploadRow.WorkerTask>> workerTasks(String tenantId, Collection<UUID> ids) {
        return tasks.findAll(tenantId, ids).map(found -> {
            Map<UUID, UploadRow.WorkerTask> out = new HashMap<>();
            found.forEach((id, t) -> out.put(id, new UploadRow.WorkerTask(t.state(), t.errorCode(), t.errorMessage())));
            return out;
        });
    }

    /**
     * The {@code predictions} rows of these resumes, by resume id: read again after the workers' task states,
     * so that a part whose SUCCEEDED state was read is never missing (its rows commit with that state).
     */
    public Mono<Map<String, List<UploadRow.PartRow>>> parts(String tenantId, Collection<String> resumeIds) {
        if (resumeIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("""
                        SELECT id, resume_id, kind, resume_version, task_id, summary, created_at FROM predictions
                        WHERE tenant_id = :tenant AND resume_id = ANY(:resumes)""")
                .bind("tenant", tenantId).bind("resumes", resumeIds.stream().distinct().toArray(String[]::new))
                .map(row -> Map.entry(row.get("resume_id", String.class), new UploadRow.PartRow(
                        row.get("id", UUID.class), row.get("kind", String.class),
                        row.get("resume_version", Integer.class), row.get("task_id", UUID.class),
                        PipelineJson.mapper().readTree(row.get("summary", Json.class).asString()),
                        instant(row.get("created_at", OffsetDateTime.class)))))
                .all()
                .collectMultimap(Map.Entry::getKey, Map.Entry::getValue)
                .map(byResume -> {
                    Map<String, List<UploadRow.PartRow>> out = new HashMap<>();
                    byResume.forEach((resume, rows) -> out.put(resume, List.copyOf(rows)));
                    return out;
                });
    }

    /** Deletes one worker row by its id; emits the number of rows removed. */
    public Mono<Long> deletePart(String tenantId, UUID id) {
        return db.sql("DELETE FROM predictions WHERE id = :id AND tenant_id = :tenant")
                .bind("id", id).bind("tenant", tenantId)
                .fetch().rowsUpdated();
    }

    /** Deletes every worker row of an upload's version; emits the number removed, empty when the upload is unknown. */
    public Mono<Long> deleteUpload(String tenantId, UUID taskId) {
        return tasks.find(tenantId, taskId)
                .filter(PredictionStore::isUpload)
                .flatMap(task -> db.sql("""
                                DELETE FROM predictions
                                WHERE tenant_id = :tenant AND resume_id = :resume AND resume_version = :version""")
                        .bind("tenant", tenantId).bind("resume", task.subjectId()).bind("version", task.subjectVersion())
                        .fetch().rowsUpdated())
                .flatMap(n -> n > 0 ? Mono.just(n) : find(tenantId, taskId).map(u -> 0L));
    }

    private static boolean isUpload(TaskRow task) {
        return UPLOAD.equals(task.type()) && task.subjectVersion() != null;
    }

    /** An upload's columns that are not its task's. */
    private record Document(String userId, Boolean fromUpload, String fileName, String mediaType,
            List<UploadRow.PartRow> parts) {
    }

    private static Document document(Readable row) {
        List<UploadRow.PartRow> parts = new ArrayList<>();
        Json json = row.get("parts", Json.class);
        if (json != null) {
            for (JsonNode p : PipelineJson.mapper().readTree(json.asString())) {
                String task = p.path("taskId").isNull() ? null : p.path("taskId").asString();
                parts.add(new UploadRow.PartRow(UUID.fromString(p.get("id").asString()), p.get("kind").asString(),
                        p.get("version").asInt(), task == null ? null : UUID.fromString(task), p.get("summary"),
                        OffsetDateTime.parse(p.get("createdAt").asString()).toInstant()));
            }
        }
        return new Document(row.get("user_id", String.class), row.get("upload", Boolean.class),
                row.get("file_name", String.class), row.get("media_type", String.class), List.copyOf(parts));
    }

    private static UploadRow upload(TaskRow task, int currentVersion, Document document) {
        Document d = document == null ? new Document(null, null, null, null, List.of()) : document;
        return new UploadRow(task.id(), task.tenantId(), task.subjectId(), task.subjectVersion(), task.state(),
                task.errorCode(), task.errorMessage(), instant(task.createdAt()), instant(task.updatedAt()),
                currentVersion, d.userId(), d.fromUpload(), d.fileName(), d.mediaType(), d.parts());
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
