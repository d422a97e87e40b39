package com.talentpipeline.results.webhook;

import java.util.List;

/** The event types a webhook can subscribe to. */
final class WebhookEvents {

    public static final String TASK_SUCCEEDED = "task.succeeded";
    public static final String TASK_FAILED = "task.failed";
    public static final String RESUME_UPDATED = "resume.updated";
    public static final String RESUME_RESCORED = "resume.rescored";
    public static final String RECOMMENDATIONS_UPDATED = "recommendations.updated";

    /** Every type, in documentation order. */
    public static final List<String> ALL = List.of(TASK_SUCCEEDED, TASK_FAILED, RESUME_UPDATED, RESUME_RESCORED,
            RECOMMENDATIONS_UPDATED);

    private WebhookEvents() {
    }
}
