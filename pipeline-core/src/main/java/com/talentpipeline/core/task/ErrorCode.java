package com.talentpipeline.core.task;

/** Machine-readable reasons a task failed or a request was refused. */
public enum ErrorCode {
    /** The event could not be parsed; it went to the dead-letter topic. */
    MALFORMED_EVENT,
    /** The model threw on this input after retries. */
    MODEL_FAILED,
    /** The input has nothing the model can embed (e.g. all sections empty). */
    NOTHING_TO_EMBED,
    /** The worker finished, but its result could not be stored (e.g. text PostgreSQL refuses); nothing to retry. */
    RESULT_NOT_STORED,
    /** The worker refused a request (e.g. an unknown resume or taxonomy); the message is the problem's detail. */
    REQUEST_REFUSED,
    /** An erasure task's participants did not all report before {@code pipeline.erasure.deadline}; the message names the missing ones. */
    ERASURE_INCOMPLETE,
    /** Anything else that failed for good; details in the message. */
    INTERNAL_ERROR
}
