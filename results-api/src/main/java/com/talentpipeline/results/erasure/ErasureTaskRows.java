package com.talentpipeline.results.erasure;

import com.talentpipeline.core.task.ErrorCode;
import com.talentpipeline.core.task.TaskError;
import com.talentpipeline.core.task.TaskState;
import com.talentpipeline.core.task.intake.TaskRows;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The erasure task's own row and result, written through the task kit's {@link TaskRows} (straight to the row
 * rather than through the task event upsert, which skips events about erased subjects, the erasure task's
 * subject being one). A row changes only while RUNNING, so a finished task never flips back.
 */
@Component
class ErasureTaskRows {

    private final TaskRows rows;

    ErasureTaskRows(DatabaseClient db) {
        this.rows = new TaskRows(db);
    }

    /** Moves a RUNNING task's progress forward. */
    Mono<Void> progress(UUID taskId, int progress, Instant at) {
        return rows.progress(taskId, progress, at.atOffset(ZoneOffset.UTC));
    }

    /**
     * Ends a RUNNING task with its result (and, on FAILED, the error). Emits true when it ended it, false
     * when the task was not RUNNING (another check ended it first). The caller's transaction commits the
     * state and the result together.
     */
    Mono<Boolean> finish(UUID taskId, TaskState state, String errorMessage, JsonNode result, Instant at) {
        TaskError error = errorMessage == null ? null : new TaskError(ErrorCode.ERASURE_INCOMPLETE, errorMessage);
        return rows.finish(taskId, state, error, result, at.atOffset(ZoneOffset.UTC));
    }
}
