package com.talentpipeline.core.kafka.reply;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.task.ModelRef;

/**
 * A worker's answer to one kind of request. It runs on a worker thread and may block (a model call). A
 * refusal is an {@link com.talentpipeline.core.web.ApiProblemException} (e.g. 404 for a resume the worker
 * has not indexed): the waiting client gets that problem, a task fails with its detail.
 *
 * @param <Q> request payload type
 */
@FunctionalInterface
public interface RequestHandler<Q> {

    /** Answers the request. */
    Answer handle(EventEnvelope<Q> request);

    /**
     * A result.
     *
     * @param result   the response body (a record), also the task's result
     * @param model    the model that computed it, or null
     * @param cacheHit whether it came from a cache
     */
    record Answer(Object result, ModelRef model, boolean cacheHit) {

        /** A computed (not cached) result. */
        public static Answer of(Object result, ModelRef model) {
            return new Answer(result, model, false);
        }
    }
}
