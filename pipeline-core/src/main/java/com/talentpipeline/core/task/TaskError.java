package com.talentpipeline.core.task;

/**
 * Why a task failed.
 *
 * @param code    machine-readable code
 * @param message human-readable reason (never contains resume text)
 */
public record TaskError(ErrorCode code, String message) {
}
