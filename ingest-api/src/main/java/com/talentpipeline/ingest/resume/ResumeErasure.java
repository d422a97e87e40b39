package com.talentpipeline.ingest.resume;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.resume.Resume;
import com.talentpipeline.core.resume.ResumeUpdated;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.ingest.config.IngestProperties;
import io.r2dbc.postgresql.codec.Json;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import com.talentpipeline.core.topic.ReactiveSends;
import reactor.core.publisher.Mono;

/**
 * Erases a resume: first a tombstone (null value) keyed by the id on the compacted
 * {@code resume.embedded}, acknowledged by Kafka, so compaction drops its embeddings; a
 * {@code resume.updated} event with source {@code deleted} carrying the last stored content, from which
 * the embedding worker derives and evicts its Redis cache key (the key holds the worker's model
 * version, which only the worker knows); then, in one transaction, its tasks (their results and
 * idempotency keys cascade), the resume row and its file, and an {@code erased_subjects} row so that a
 * late worker event does not re-create the task in the results API.
 * Tombstone first: if Kafka is away the client gets 503 and nothing is half-erased; a retried DELETE
 * writes another tombstone, which is harmless.
 */
@Service
public class ResumeErasure {

    private static final Logger log = LoggerFactory.getLogger(ResumeErasure.class);

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final KafkaTemplate<String, byte[]> kafka;
    private final IngestProperties properties;

    public ResumeErasure(DatabaseClient db, TransactionalOperator tx, KafkaTemplate<String, byte[]> kafka,
            IngestProperties properties) {
        this.db = db;
        this.tx = tx;
        this.kafka = kafka;
        this.properties = properties;
    }

    /** Erases the resume; 404 when the tenant has no resume with this id. */
    Mono<Void> erase(String tenantId, String resumeId) {
        Mono<Stored> stored = db.sql("SELECT version, content, content_hash FROM resumes WHERE id = :id AND tenant_id = :tenant")
                .bind("id", resumeId).bind("tenant", tenantId)
                .map(row -> new Stored(row.get("version", Integer.class), row.get("content", Json.class).asString(),
                        row.get("content_hash", String.class)))
                .one();
        return stored
                .switchIfEmpty(Mono.error(() -> ApiProblemException.notFound("Resume", resumeId)))
                .flatMap(last -> send(resumeId, new ProducerRecord<>(Topics.RESUME_EMBEDDED.name(), resumeId, null))
                        .then(send(resumeId, erased(tenantId, resumeId, last)))
                        .then(deleteRows(tenantId, resumeId)));
    }

    /** The {@code resume.updated} event of the erasure, with the last stored content. */
    private static ProducerRecord<String, byte[]> erased(String tenantId, String resumeId, Stored last) {
        Resume resume = PipelineJson.mapper().readValue(last.content(), Resume.class);
        var envelope = EventEnvelope.of(Topics.RESUME_UPDATED.name(), UUID.randomUUID(), tenantId, resumeId,
                last.contentHash(), null, new ResumeUpdated(resumeId, last.version(), ResumeUpdated.DELETED, resume));
        return new ProducerRecord<>(Topics.RESUME_UPDATED.name(), resumeId, Topics.RESUME_UPDATED.encode(envelope));
    }

    private Mono<Void> send(String resumeId, ProducerRecord<String, byte[]> record) {
        return ReactiveSends.acknowledged(kafka, record)
                .timeout(properties.ackTimeout())
                .onErrorMap(e -> {
                    log.warn("erasure event for resume {} not acknowledged: {} (cause: {})", resumeId, e.toString(),
                            String.valueOf(e.getCause()));
                    return ApiProblemException.unavailable(
                            "The event broker did not acknowledge the erasure; nothing was erased. Retry later.",
                            properties.retryAfter());
                })
                .then();
    }

    private Mono<Void> deleteRows(String tenantId, String resumeId) {
        Mono<Void> tasks = db.sql("DELETE FROM tasks WHERE subject_id = :id AND tenant_id = :tenant")
                .bind("id", resumeId).bind("tenant", tenantId).then();
        Mono<Void> resume = db.sql("DELETE FROM resumes WHERE id = :id AND tenant_id = :tenant")
                .bind("id", resumeId).bind("tenant", tenantId).then();
        Mono<Void> erased = db.sql("""
                        INSERT INTO erased_subjects (tenant_id, subject_id, erased_at) VALUES (:tenant, :id, :now)
                        ON CONFLICT DO NOTHING""")
                .bind("id", resumeId).bind("tenant", tenantId).bind("now", OffsetDateTime.now(ZoneOffset.UTC)).then();
        return tx.transactional(erased.then(tasks).then(resume));
    }

    private record Stored(int version, String content, String contentHash) {
    }
}
