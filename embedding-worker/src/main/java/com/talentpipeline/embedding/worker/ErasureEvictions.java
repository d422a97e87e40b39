package com.talentpipeline.embedding.worker;

import com.talentpipeline.core.cache.CacheKey;
import com.talentpipeline.core.cache.ResultCache;
import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.hash.ContentHash;
import com.talentpipeline.core.resume.ResumeSubmitted;
import com.talentpipeline.core.resume.ResumeUpdated;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.inference.text.TextEncoder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Erasure of a resume in the cache: ingest publishes {@code resume.updated} with source {@code deleted}
 * and the resume's last content; the key derives from that content and this worker's model version
 * (exactly as {@link EmbeddingBatchProcessor} builds it), and is evicted, together with the entries of
 * every earlier version, which the processor indexed under the resume id. Counts
 * {@code pipeline.cache.evictions{kind,result=evicted|absent}}. Never throws: a record it cannot read
 * is logged and skipped, so the partition keeps moving.
 */
@Component
public class ErasureEvictions {

    private static final Logger log = LoggerFactory.getLogger(ErasureEvictions.class);
    private static final String KIND = "resume-embedding";

    private final ResultCache cache;
    private final MeterRegistry meters;
    private final String modelVersion;
    private final ResumeKind resumes;

    public ErasureEvictions(ResultCache cache, TextEncoder encoder, ResumeKind resumes, MeterRegistry meters) {
        this.cache = cache;
        this.resumes = resumes;
        this.meters = meters;
        this.modelVersion = encoder.info().version();
    }

    @KafkaListener(id = "resume-erasures", idIsGroup = false, topics = Topics.RESUME_UPDATED_NAME, batch = "true")
    public void onUpdates(List<ConsumerRecord<String, byte[]>> records) {
        records.forEach(this::onUpdate);
    }

    void onUpdate(ConsumerRecord<String, byte[]> record) {
        try {
            if (record.value() == null) {
                return;
            }
            EventEnvelope<ResumeUpdated> envelope = Topics.RESUME_UPDATED.decode(record.value());
            ResumeUpdated update = envelope.payload();
            if (update == null || !update.deleted() || update.resume() == null) {
                return;
            }
            evict(envelope.tenantId(), update);
        } catch (RuntimeException e) {
            log.warn("resume.updated record {} at offset {} skipped: {}", record.key(), record.offset(), e.toString());
        }
    }

    /** Evicts the entries of the erased resume: its last content and every version indexed under its id. */
    boolean evict(String tenantId, ResumeUpdated update) {
        CacheKey key = new CacheKey(tenantId, KIND, modelVersion, ContentHash.of(
                resumes.plan(new ResumeSubmitted(update.resumeId(), update.version(), update.resume()))));
        Long earlier = cache.evictSubject(KIND, update.resumeId()).block();
        boolean removed = Boolean.TRUE.equals(cache.evict(key).block());
        boolean any = removed || (earlier != null && earlier > 0);
        Counter.builder("pipeline.cache.evictions")
                .description("Cache entries evicted because their subject was erased, by kind and whether any existed")
                .tag("kind", KIND)
                .tag("result", any ? "evicted" : "absent")
                .register(meters)
                .increment();
        log.info("resume {} erased: last entry {}, {} indexed entries evicted", update.resumeId(),
                removed ? "evicted" : "absent", earlier);
        return any;
    }
}
