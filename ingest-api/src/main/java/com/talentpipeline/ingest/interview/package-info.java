/**
 * Interview transcripts: {@code POST /v1/interviews} validates and accepts them through the task intake kit;
 * the scoring worker consumes {@code interview.submitted}.
 */
package com.talentpipeline.ingest.interview;
