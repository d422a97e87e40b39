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
 * wrote for that version. A page is two queries whatever its size (three with a user filter): the kit's page of
 * upload tasks, then the resumes, files and parts of all of them by id list (parts aggregated per upload); only
 * uploads whose resume is already gone while an erasure runs cost a further pair, to fill their places.
 */
@Repository
public class PredictionStore {

    /** The resume, its file and the parts of each upload, given as parallel arrays (task, resume, version). */
    private static final String DOCUMENTS = """
            SELECT u.task_id, r.version AS current_version, r.user_id, f.file_name, f.media_type, p.parts
            FROM unnest(CAST(:tasks AS uuid[]), CAST(:subjects AS text[]), CAST(:versions AS int[]))
                 AS u(task_id, subject_id, subject_version)
            JOIN resumes r ON r.id = u.subject_id AND r.tenant_id = :tenant
            LEFT JOIN resume_files f ON f.resume_id = u.subject_id AND f.version = u.subject_version
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
                .flatMapMany(subjects -> fill(tenantId, subjects.orElse(null), afterCreated, afterId, limit + 1));
    }

    /**
     * {@code wanted} uploads after the keyset position: a page of upload tasks and their documents; when some
     * had no resume row (an erasure removed it and has not yet reached the tasks), the next tasks after the
     * page fill their places, so a page is as full as one query joining the two would make it.
     */
    private Flux<UploadRow> fill(String tenantId, List<String> subjects, OffsetDateTime afterCreated, UUID afterId,
            int wanted) {
        return tasks.versionedPage(tenantId, UPLOAD, subjects, afterCreated, afterId, wanted)
                .collectList()
                .flatMapMany(page -> uploads(tenantId, page).collectList().flatMapMany(found -> {
                    if (page.size() < wanted || found.size() == page.size()) {
                        return Flux.fromIterable(found);
                    }
                    TaskRow last = page.get(page.size() - 1);
                    return Flux.concat(Flux.fromIterable(found),
                            fill(tenantId, subjects, last.createdAt(), last.id(), wanted - found.size()));
                }));
    }

    /**
     * The resumes a page is limited to: the user's (one query of the resume rows), the one resume asked for, both
     * (intersected), or none when neither filter is given (empty Optional: no limit).
     */
    private Mono<Optional<List<String>>> subjects(String tenantId, String userId, String resumeId) {
        if (userId == null) {
            return Mono.just(resumeId == null ? Optional.empty() : Optional.of(List.of(resumeId)));
        }
        return db.sql("SELECT id FROM resumes WHERE tenant_id = :tenant AND user_id = :user")
                .bind("tenant", tenantId).bind("user", userId)
                .map(row -> row.get("id", String.class))
                .all()
                .filter(id -> resumeId == null || resumeId.equals(id))
                .collectList()
                .map(Optional::of);
    }

    /**
     * The uploads of these tasks, in their order, each with its resume, file and parts (one query for all); a
     * task whose resume is gone (being erased) is left out, as the resume row is part of an upload.
     */
    private Flux<UploadRow> uploads(String tenantId, List<TaskRow> page) {
        if (page.isEmpty()) {
            return Flux.empty();
        }
        return db.sql(DOCUMENTS)
                .bind("tenant", tenantId)
                .bind("tasks", page.stream().map(TaskRow::id).toArray(UUID[]::new))
                .bind("subjects", page.stream().map(TaskRow::subjectId).toArray(String[]::new))
                .bind("versions", page.stream().map(TaskRow::subjectVersion).toArray(Integer[]::new))
                .map(row -> Map.entry(row.get("task_id", UUID.class), document(row)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .flatMapMany(documents -> Flux.fromIterable(page)
                        .filter(task -> documents.containsKey(task.id()))
                        .map(task -> upload(task, documents.get(task.id()))));
    }

    /** The tenant's tasks with these ids (the workers' tasks of the uploads' versions), by id. */
    public Mono<Map<UUID, UploadRow.WorkerTask>> workerTasks(String tenantId, Collection<UUID> ids) {
        return tasks.findAll(tenantId, ids).map(found -> {
            Map<UUID, UploadRow.WorkerTask> out = new HashMap<>();
            found.forEach((id, t) -> out.put(id, new UploadRow.WorkerTask(t.state(), t.errorCode(), t.errorMessage())));
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
    private record Document(int currentVersion, String userId, String fileName, String mediaType,
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
        return new Document(row.get("current_version", Integer.class), row.get("user_id", String.class),
                row.get("file_name", String.class), row.get("media_type", String.class), List.copyOf(parts));
    }

    private static UploadRow upload(TaskRow task, Document document) {
        return new UploadRow(task.id(), task.tenantId(), task.subjectId(), task.subjectVersion(), task.state(),
                task.errorCode(), task.errorMessage(), instant(task.createdAt()), instant(task.updatedAt()),
                document.currentVersion(), document.userId(), document.fileName(), document.mediaType(),
                document.parts());
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
