package com.talentpipeline.embedding.worker;

import com.talentpipeline.core.task.ModelRef;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.topic.Topic;
import java.util.List;
import java.util.Map;

/**
 * What differs between embedding a resume and a job: topics, task type, cache kind, which texts
 * make up each section and the shape of the result.
 *
 * @param <P> submitted payload
 * @param <R> result payload
 */
public interface DocumentKind<P, R> {

    Topic<P> input();

    Topic<R> output();

    TaskType taskType();

    /** Cache kind, also the TTL selector ({@code resume-embedding}, {@code job-embedding}). */
    String cacheKind();

    Map<String, List<String>> sections(P payload);

    R result(P payload, ModelRef model, SectionVectors vectors);

    /** Results API path of the result. */
    String resultLink(P payload);
}
