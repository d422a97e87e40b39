package com.talentpipeline.core.kafka.reply;

import java.util.UUID;

/**
 * The {@code 202} body of a request that was not answered within its deadline (or that asked for a task
 * at once): the task its answer will complete. The keys are those of the other {@code 202} answers,
 * which clients read today ({@code taskId}, {@code taskUrl}).
 *
 * @param taskId    the task (also the request's correlation id)
 * @param type      the task type's wire name, e.g. {@code rag.query}
 * @param subjectId the resume (or job) the request is about
 * @param status    {@code ACCEPTED}
 * @param taskUrl   where to poll the task
 */
public record RequestAccepted(UUID taskId, String type, String subjectId, String status, String taskUrl) {
}
