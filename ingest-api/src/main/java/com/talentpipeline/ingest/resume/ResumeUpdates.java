package com.talentpipeline.ingest.resume;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.resume.ResumeUpdated;
import com.talentpipeline.core.topic.Topics;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import com.talentpipeline.core.topic.ReactiveSends;
import reactor.core.publisher.Mono;

/**
 * Announces a new resume version on {@code resume.updated} for future webhook delivery. Best effort
 * and after the 202 is decided: the new version is already accepted through {@code resume.submitted},
 * so a lost announcement must not turn the update into an error.
 */
@Component
public class ResumeUpdates {

    private static final Logger log = LoggerFactory.getLogger(ResumeUpdates.class);

    private final DatabaseClient db;
    private final KafkaTemplate<String, byte[]> kafka;

    public ResumeUpdates(DatabaseClient db, KafkaTemplate<String, byte[]> kafka) {
        this.db = db;
        this.kafka = kafka;
    }

    /** Publishes the resume's current version; never fails the caller. */
    Mono<Void> announce(String tenantId, UUID taskId, String resumeId, String source, String traceparent) {
        return db.sql("SELECT version, content_hash FROM resumes WHERE id = :id")
                .bind("id", resumeId)
                .map(row -> new Object[] {row.get("version", Integer.class), row.get("content_hash", String.class)})
                .one()
                .flatMap(row -> {
                    var envelope = EventEnvelope.of(Topics.RESUME_UPDATED.name(), taskId, tenantId, resumeId,
                            (String) row[1], traceparent, new ResumeUpdated(resumeId, (Integer) row[0], source));
                    return ReactiveSends.acknowledged(kafka, new ProducerRecord<>(Topics.RESUME_UPDATED.name(),
                            resumeId, Topics.RESUME_UPDATED.encode(envelope)));
                })
                .then()
                .onErrorResume(e -> {
                    log.warn("resume.updated for {} not published: {}", resumeId, e.toString());
                    return Mono.empty();
                });
    }
}
