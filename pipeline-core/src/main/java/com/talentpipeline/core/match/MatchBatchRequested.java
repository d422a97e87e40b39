package com.talentpipeline.core.match;

import java.util.List;

/**
 * Payload of {@code match.batch.requested}: compare one resume with many jobs ({@code POST /v1/matches/batch},
 * always a {@code match.batch} task). The front door checked that the resume and every job exist for the
 * tenant; the closed ones are named so the worker reports them as skipped without comparing them.
 * Key = resume id.
 *
 * @param resumeId     the resume
 * @param jobIds       the open jobs to compare, duplicates removed, in the caller's order
 * @param closedJobIds the given jobs that are closed (reported as {@code skipped})
 * @param limit        best results kept, or null for the worker's default (at most the job count)
 */
public record MatchBatchRequested(String resumeId, List<String> jobIds, List<String> closedJobIds, Integer limit) {
}
