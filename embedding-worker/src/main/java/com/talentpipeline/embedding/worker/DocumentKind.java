package com.talentpipeline.embedding.worker;

import com.talentpipeline.core.task.ModelRef;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.topic.Topic;

/**
 * What differs between embedding a resume and a job: topics, task type, cache kind, which texts make up
 * the document's plan and the shape of the result.
 *
 * @param <P> submitted payload
 * @param <R> result payload
 */
interface DocumentKind<P, R> {

    Topic<P> input();

    Topic<R> output();

    TaskType taskType();

    /** Cache kind, also the TTL selector ({@code resume-embedding}, {@code job-embedding}). */
    String cacheKind();

    /** Every text the document needs encoded. */
    EncodingPlan plan(P payload);

    /** The published payload: every vector downstream workers need. */
    R result(P payload, ModelRef model, EncodedDocument vectors);

    /** What the task's result shows (stored and served by the results API): the section vectors only. */
    Object taskResult(R result);

    /** Results API path of the result. */
    String resultLink(P payload);
}
