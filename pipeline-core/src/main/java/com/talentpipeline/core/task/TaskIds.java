package com.talentpipeline.core.task;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic ids of the tasks workers open for a resume version on their own (no client request
 * behind them), so a redelivered event reuses its task and the results side can find the task of a
 * version without asking the worker. A shared contract: the scoring and matching workers create their
 * tasks with these ids, the results API reads them to say why a part of a prediction is missing.
 */
public final class TaskIds {

    private TaskIds() {
    }

    /** The {@code resume.score} task of a resume version (scoring worker: quality, ATS score, career paths). */
    public static UUID resumeScore(String tenantId, String resumeId, int version) {
        return UUID.nameUUIDFromBytes((TaskType.RESUME_SCORE.wireName() + ":" + tenantId + ":" + resumeId + ":" + version)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code recommendations} task of a resume version (matching worker: top jobs). */
    public static UUID recommendations(String tenantId, String resumeId, int version) {
        return UUID.nameUUIDFromBytes((TaskType.RECOMMENDATIONS.wireName() + "|" + tenantId + "|" + resumeId + "|" + version)
                .getBytes(StandardCharsets.UTF_8));
    }
}
