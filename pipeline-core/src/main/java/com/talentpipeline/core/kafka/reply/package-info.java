/**
 * Kafka request-reply with a deadline and a task fallback.
 *
 * <p>Front door: {@link RequestReply} publishes a typed request envelope (its task id is the correlation
 * id) with the {@link ReplyHeaders} naming the reply topic, and waits for the {@link Reply} up to a
 * deadline; past it the client gets {@code 202} and {@code Location: /v1/tasks/{id}}, and the worker's
 * task event completes that task. Every front-door instance reads every partition of the reply topic
 * itself ({@link ReplyConsumer}: {@code assign}, no consumer group) and keeps the replies whose
 * correlation id it is waiting for, so a reply reaches the waiting instance whatever the replica count.
 *
 * <p>Worker: {@link Responder} runs one {@link RequestHandler} per request record and publishes both the
 * reply and the task event (SUCCEEDED with the result, or FAILED with the reason).
 */
package com.talentpipeline.core.kafka.reply;
