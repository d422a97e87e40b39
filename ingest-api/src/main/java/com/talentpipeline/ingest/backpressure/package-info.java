/**
 * Back-pressure: ingest refuses new work with 503 {@code backlog_full} while the workers' consumer
 * lag on the input topic is over {@code pipeline.ingest.backpressure.max-lag}, so a slow or stopped
 * worker bounds the backlog instead of letting it grow without limit.
 */
package com.talentpipeline.ingest.backpressure;
