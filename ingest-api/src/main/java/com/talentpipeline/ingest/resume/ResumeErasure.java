package com.talentpipeline.ingest.resume;

import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.ingest.config.IngestProperties;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Erases a resume: first a tombstone (null value) keyed by the id on the compacted
 * {@code resume.embedded}, acknowledged by Kafka, so compaction drops its embeddings; then, in one
 * transaction, its tasks (their results and idempotency keys cascade), the resume row and its file.
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
        Mono<Boolean> exists = db.sql("SELECT 1 FROM resumes WHERE id = :id AND tenant_id = :tenant")
                .bind("id", resumeId).bind("tenant", tenantId)
                .map(row -> true).one().defaultIfEmpty(false);
        return exists.flatMap(found -> found
                ? tombstone(resumeId).then(deleteRows(tenantId, resumeId))
                : Mono.error(ApiProblemException.notFound("Resume", resumeId)));
    }

    private Mono<Void> tombstone(String resumeId) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.RESUME_EMBEDDED.name(), resumeId, null);
        return Mono.fromFuture(() -> kafka.send(record))
                .timeout(properties.ackTimeout())
                .onErrorMap(e -> {
                    log.warn("tombstone for resume {} not acknowledged: {}", resumeId, e.toString());
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
        return tx.transactional(tasks.then(resume));
    }
}
