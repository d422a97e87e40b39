package com.talentpipeline.matching.web;

import java.util.List;

/**
 * Body of {@code POST /v1/matches/batch}.
 *
 * @param resumeId the resume
 * @param jobIds   1 to {@code pipeline.matching.batch.max-jobs} (1000) job ids; duplicates count once
 * @param limit    best results kept (default {@code pipeline.matching.batch.default-limit}, at most the job count)
 */
public record BatchMatchRequest(String resumeId, List<String> jobIds, Integer limit) {
}
