package com.talentpipeline.results.task;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.task.ErrorCode;
import com.talentpipeline.core.task.ModelRef;
import com.talentpipeline.core.task.TaskError;
import com.talentpipeline.core.task.TaskEvent;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.task.intake.TaskStateRows;
import com.talentpipeline.core.task.store.TaskReads;
import com.talentpipeline.core.task.store.TaskRow;
import com.talentpipeline.results.prediction.PredictionProjection;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Tasks and their results as the results API serves them, through the task kit ({@link TaskStateRows} writes,
 * {@link TaskReads} reads; the kit's tables are never named here). Applying an event is an upsert guarded by state rank, so re-delivered
 * or out-of-date events change nothing, and the result row is keyed by task id, so a re-delivered
 * result is never stored twice. A SUCCEEDED score or recommendations result also writes its
 * {@code predictions} rows ({@link PredictionProjection}) in the same transaction.
 */
@Repository
public class TaskStore {

    /** The task types by which a resume is known here: its intake task and its score tasks. */
    private static final List<String> RESUME_KNOWN_BY = List.of(TaskType.RESUME_EMBEDDING.wireName(),
            TaskType.RESUME_SCORE.wireName());

    private final DatabaseClient db;
    private final PredictionProjection predictions;

    private final TaskStateRows states;
    private final TaskReads reads;

    public TaskStore(DatabaseClient db, TransactionalOperator tx, PredictionProjection predictions) {
        this.db = db;
        this.predictions = predictions;
        this.states = new TaskStateRows(db, tx);
        this.reads = new TaskReads(db);
    }

    /**
     * Applies one task event (through the task kit's {@link TaskStateRows}, the one writer of task rows besides
     * the intake). Emits the task's creation time when the event changed the row (so the caller can measure
     * latency), nothing when it was stale, a duplicate, or its subject was erased.
     */
    public Mono<Instant> apply(EventEnvelope<TaskEvent> envelope) {
        // The predictions rows of a score or recommendations result, in the transaction that stores it.
        return states.apply(envelope, predictions.record(envelope));
    }

    /** A task of the tenant, or empty. */
    public Mono<TaskView> find(String tenantId, UUID taskId) {
        return reads.find(tenantId, taskId).map(TaskStore::view);
    }

    /**
     * A page of the tenant's tasks, newest first, after the keyset position (created_at, id) of the
     * cursor; {@code limit + 1} rows are read to know whether there is a next page.
     */
    public Flux<TaskView> page(String tenantId, String state, String type, java.time.OffsetDateTime afterCreated,
            UUID afterId, int limit) {
        return reads.page(tenantId, state, type, afterCreated, afterId, limit + 1).map(TaskStore::view);
    }

    /** The task's stored result, or empty. */
    public Mono<JsonNode> result(UUID taskId) {
        return reads.result(taskId).map(TaskStore::withoutOverlay);
    }

    /**
     * An image detection's result carries the overlay PNG (base64) for {@code GET /v1/images/{id}/detections
     * ?overlay=true}; the task view leaves it out (hundreds of KB of base64 no task poller wants).
     */
    private static JsonNode withoutOverlay(JsonNode result) {
        if (result instanceof tools.jackson.databind.node.ObjectNode object && object.has("overlayPng")) {
            object.remove("overlayPng");
        }
        return result;
    }

    /**
     * The result of a type for a document of the tenant (highest document version, newest within it),
     * whether the document exists and its current version: the highest version its intake tasks recorded
     * (the intake writes the task with the document, so it is never behind), both from the task kit.
     */
    public Mono<LatestResult> latestResult(String tenantId, String subjectId, String type) {
        Mono<LatestResult> document = reads.latestVersions(tenantId, type, List.of(subjectId))
                .map(versions -> versions.containsKey(subjectId)
                        ? new LatestResult(true, null, versions.get(subjectId))
                        : new LatestResult(false, null, null));
        Mono<Optional<JsonNode>> result = reads.latestResult(tenantId, subjectId, type).map(Optional::of)
                .defaultIfEmpty(Optional.empty());
        return Mono.zip(document, result).map(both -> new LatestResult(both.getT1().documentExists()
                || both.getT2().isPresent(), both.getT2().orElse(null), both.getT1().documentVersion()));
    }

    /**
     * The newest task of a type about a subject of the tenant, with its result once it SUCCEEDED (e.g. an
     * image's {@code image.detection} task, whose subject is the image id), or empty when there is none.
     */
    public Mono<SubjectTask> latestTask(String tenantId, String subjectId, String type) {
        return reads.latestTask(tenantId, subjectId, type)
                .map(t -> new SubjectTask(t.taskId(), t.state(), t.result()));
    }

    /**
     * A subject's newest task of one type.
     *
     * @param result the result document, null until the task SUCCEEDED
     */
    public record SubjectTask(UUID taskId, String state, JsonNode result) {
    }

    /**
     * A document's newest result.
     *
     * @param documentExists  whether the document is known
     * @param result          the result of the highest document version, null when none yet
     * @param documentVersion the document's current version, null when it is unknown
     */
    public record LatestResult(boolean documentExists, JsonNode result, Integer documentVersion) {

        /** Without the document version. */
        public LatestResult(boolean documentExists, JsonNode result) {
            this(documentExists, result, null);
        }
    }

    private static TaskView view(TaskRow row) {
        UUID id = row.id();
        String type = row.type();
        Integer version = row.subjectVersion();
        // Each resume upload has one prediction, keyed by the upload's task id (see PredictionController).
        String prediction = version != null && TaskType.RESUME_EMBEDDING.wireName().equals(type)
                ? "/v1/predictions/" + id : null;
        return new TaskView(
                id,
                type,
                row.state(),
                row.progress(),
                row.subjectId(),
                instant(row.createdAt()),
                instant(row.startedAt()),
                instant(row.finishedAt()),
                instant(row.updatedAt()),
                row.modelName() == null ? null : new ModelRef(row.modelName(), row.modelVersion(),
                        Optional.ofNullable(row.modelDimension()).orElse(0)),
                row.errorCode() == null ? null : new TaskError(ErrorCode.valueOf(row.errorCode()), row.errorMessage()),
                row.cacheHit(),
                row.resultLink(),
                null,
                version,
                prediction);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /**
     * The newest SUCCEEDED {@code resume.score} result of the tenant's resume (highest resume version,
     * newest within it) and whether the resume is known here at all: a resume is known by its intake
     * task ({@code resume.embedding}, written at the front door when it was submitted) or a score task,
     * both removed when the resume is erased. One round trip, through the task kit's reads.
     */
    public Mono<ScoreResult> latestScore(String tenantId, String resumeId) {
        return reads.latestSucceeded(tenantId, resumeId, TaskType.RESUME_SCORE.wireName(), RESUME_KNOWN_BY)
                .map(found -> new ScoreResult(found.subjectKnown(), found.taskId(), found.result()));
    }

    /**
     * A resume's newest published score.
     *
     * @param resumeKnown whether the tenant has the resume
     * @param taskId      the score's {@code resume.score} task, null when none succeeded yet
     * @param result      the score as the scoring worker published it, null when none yet
     */
    public record ScoreResult(boolean resumeKnown, UUID taskId, JsonNode result) {
    }
}
