/**
 * The task intake kit: the one way a front-door service accepts work.
 *
 * <p>{@link com.talentpipeline.core.task.intake.TaskIntake#submit} replays an earlier request with the same
 * {@code Idempotency-Key}; otherwise it writes, in <em>one SQL statement</em>, the owner's rows
 * ({@link com.talentpipeline.core.task.intake.OwnerRows}, e.g. the resume or job document, the image), the task
 * row (ACCEPTED, or SUCCEEDED with its result when it was known at the door) and the idempotency key; then it
 * publishes the work event with the {@code traceparent} header, and only once Kafka acknowledged it
 * ({@code acks=all}) is the task accepted. When Kafka refuses or does not answer in time the rows are undone
 * (task, key, and the owner's own undo) and the caller gets 503 with Retry-After: nothing is half-accepted.
 *
 * <p>The kit is the only code that writes {@code INSERT INTO tasks} for a new task, {@code idempotency_keys}
 * and a door-known {@code task_results} row. The 202 answer is one record,
 * {@link com.talentpipeline.core.task.intake.TaskAccepted}. <b>Naming convention of the 202 answer:</b>
 * camelCase keys ({@code taskId}, {@code taskUrl}, {@code <kind>Id} for the subject), the keys clients and tests
 * have read since the first release; new result and event records use snake_case.
 */
package com.talentpipeline.core.task.intake;
