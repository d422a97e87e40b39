package com.talentpipeline.ingest.ask;

import java.util.List;

/**
 * Body of {@code POST /v1/matches/batch}.
 *
 * @param resumeId the resume
 * @param jobIds   1 to {@code pipeline.ingest.ask.matching.batch-max-jobs} (1000) job ids; duplicates count once
 * @param limit    best results kept (default: the worker's {@code pipeline.matching.batch.default-limit}, at
 *                 most the job count)
 */
record BatchMatchRequest(String resumeId, List<String> jobIds, Integer limit) {
}
