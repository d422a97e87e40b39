package com.talentpipeline.core.task.intake;

import com.talentpipeline.core.task.ModelRef;
import java.util.Objects;

/**
 * A result known at the door (e.g. a content-cache hit), written with the task row as the worker's SUCCEEDED
 * event would be: the task is SUCCEEDED before the event is even published.
 *
 * @param model      the model that computed it
 * @param resultLink where the result is read, e.g. {@code /v1/resumes/{id}/embeddings}
 * @param resultJson the result document for this subject; its {@code version} field is set to the version the
 *                   owner's rows return
 */
public record Finished(ModelRef model, String resultLink, String resultJson) {

    /** Validates. */
    public Finished {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(resultJson, "resultJson");
    }
}
