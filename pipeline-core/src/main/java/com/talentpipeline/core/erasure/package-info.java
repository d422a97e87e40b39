/**
 * The erasure kit: erasing a person's data is a fan-out. The ingest API (which owns the resumes) writes
 * the tombstone ({@link com.talentpipeline.core.erasure.ErasedSubjects}), opens an {@code erasure} task
 * whose {@link com.talentpipeline.core.erasure.ErasurePlan} lists the participants, deletes its own rows
 * and announces the erasure on {@code resume.updated} (source {@code deleted}). Every module that holds
 * personal data implements {@link com.talentpipeline.core.erasure.ErasureParticipant} for its own data
 * only; the kit's {@link com.talentpipeline.core.erasure.ErasureListener} calls it on the event and
 * publishes its {@link com.talentpipeline.core.erasure.ErasureReport} (participant and counts) on
 * {@code task.events}. The results API ({@link com.talentpipeline.core.erasure.ErasureLedger}) marks the
 * task SUCCEEDED once every listed participant reported, FAILED naming the missing ones after
 * {@code pipeline.erasure.deadline}. {@link com.talentpipeline.core.erasure.SubjectLock} orders writes
 * and erasure.
 */
package com.talentpipeline.core.erasure;
