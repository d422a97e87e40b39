package com.talentpipeline.core.job;

/**
 * Payload of {@code job.submitted}.
 *
 * @param jobId   the job's id
 * @param version 1 for a new job, incremented on each update
 * @param job     the validated content
 */
public record JobSubmitted(String jobId, int version, Job job) {
}
