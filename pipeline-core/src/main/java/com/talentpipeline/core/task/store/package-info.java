/**
 * The task kit's reads and subject-scoped deletes: with the intake ({@code core.task.intake}), the only SQL on the
 * kit's {@code tasks}, {@code task_results} and {@code idempotency_keys} tables. A service reads tasks and their
 * results through {@link com.talentpipeline.core.task.store.TaskReads} and erases a subject's tasks through
 * {@link com.talentpipeline.core.task.store.TaskErasure}; joins with its own tables become a kit call by id list plus
 * a query of its own.
 */
package com.talentpipeline.core.task.store;
