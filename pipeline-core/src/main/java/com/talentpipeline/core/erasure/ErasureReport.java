package com.talentpipeline.core.erasure;

import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.task.TaskEvent;
import com.talentpipeline.core.task.TaskState;
import com.talentpipeline.core.task.TaskType;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * A participant's report on one erased resume, carried on {@code task.events} as a RUNNING
 * {@code erasure} event of the erasure task whose result is this record
 * ({@code {"participant", "subject", "counts"}}).
 *
 * @param participant the participant's name
 * @param subject     the erased resume id
 * @param counts      what went, per table or store; zeros when it was gone already
 */
public record ErasureReport(String participant, String subject, Map<String, Long> counts) {

    public ErasureReport {
        // Sorted, so a report reads the same whichever order the participant counted in.
        counts = counts == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    /** The report as a task event of the erasure task. */
    public TaskEvent toTaskEvent() {
        return new TaskEvent(TaskType.ERASURE, TaskState.RUNNING, 0, null, null, null,
                PipelineJson.mapper().valueToTree(this), false, Instant.now());
    }

    /** The report an event carries; empty for any other task event. */
    public static Optional<ErasureReport> from(TaskEvent event) {
        if (event == null || event.type() != TaskType.ERASURE || event.state() != TaskState.RUNNING) {
            return Optional.empty();
        }
        JsonNode result = event.result();
        if (result == null || !result.isObject() || !result.has("participant")) {
            return Optional.empty();
        }
        return Optional.of(PipelineJson.mapper().treeToValue(result, ErasureReport.class));
    }
}
