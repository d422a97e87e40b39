/** Accepting a submission: task row, idempotency, event publication acknowledged by Kafka. */
package com.talentpipeline.ingest.submission;
