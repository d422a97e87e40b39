/**
 * Requests the front door answers through Kafka (request-reply with a deadline, see
 * {@code com.talentpipeline.core.kafka.reply}): RAG questions, career-path predictions and resume-job
 * matches. The front door validates the request and checks the documents it owns (resumes, jobs); the
 * worker answers the rest.
 */
package com.talentpipeline.ingest.ask;
