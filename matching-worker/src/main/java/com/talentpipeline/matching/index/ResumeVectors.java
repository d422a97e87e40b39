package com.talentpipeline.matching.index;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.resume.ResumeEmbeddings;
import com.talentpipeline.core.topic.Topics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest embeddings of every resume, from the compacted {@code resume.embedded} topic (key = resume
 * id; a tombstone or an erasure removes it). Kept in memory rather than read from the results store so
 * that a match never depends on when the results API stored an event, and so a restart needs only Kafka.
 * About 1.5 KB per section per resume (384 floats).
 */
public final class ResumeVectors {

    private static final Logger log = LoggerFactory.getLogger(ResumeVectors.class);

    /**
     * @param tenantId    owner, from the envelope
     * @param contentHash the envelope's content hash
     * @param embeddings  the payload
     */
    public record Entry(String tenantId, String contentHash, ResumeEmbeddings embeddings) {
    }

    private final Map<String, Entry> byId = new ConcurrentHashMap<>();

    /** The tenant's resume embeddings, or null. */
    public Entry get(String tenantId, String resumeId) {
        Entry e = byId.get(resumeId);
        return e != null && e.tenantId().equals(tenantId) ? e : null;
    }

    public int size() {
        return byId.size();
    }

    /** Adds a version unless a newer one is held. */
    public void put(EventEnvelope<ResumeEmbeddings> envelope) {
        ResumeEmbeddings p = envelope.payload();
        byId.merge(p.resumeId(), new Entry(envelope.tenantId(), envelope.contentHash(), p),
                (old, neu) -> old.embeddings().version() > neu.embeddings().version() ? old : neu);
    }

    /** Drops a resume (erasure). */
    public void remove(String resumeId) {
        byId.remove(resumeId);
    }

    /** Applies a batch of {@code resume.embedded} records. */
    public void apply(List<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.key() == null) {
                continue;
            }
            if (record.value() == null) {
                byId.remove(record.key());
                continue;
            }
            try {
                put(Topics.RESUME_EMBEDDED.decode(record.value()));
            } catch (RuntimeException e) {
                log.warn("skipping unreadable {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.toString());
            }
        }
    }
}
