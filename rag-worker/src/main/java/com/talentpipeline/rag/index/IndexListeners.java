package com.talentpipeline.rag.index;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.kafka.consume.ConsumeKit;
import com.talentpipeline.core.kafka.consume.Received;
import com.talentpipeline.core.kafka.consume.TypedListener;
import com.talentpipeline.core.resume.ResumeEmbeddings;
import com.talentpipeline.core.topic.Topic;
import com.talentpipeline.core.topic.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the index current, in the consumer group {@code rag-worker}: each {@code resume.embedded}
 * version's chunks and vectors (chunked and encoded once, by the embedding worker) are stored (a newer
 * version replaces the old chunks; an older one is ignored); erasures reach {@link RagErasure} through the
 * erasure kit's listener. A {@code resume.embedded} record that cannot be read is skipped and counted by the
 * consume kit (the topic's policy); one the index refuses is counted and skipped here (see {@link #skip});
 * infrastructure errors (PostgreSQL down) escape so the batch is retried.
 */
@Component
class IndexListeners {

    private static final Logger log = LoggerFactory.getLogger(IndexListeners.class);

    private final RagIndex index;
    private final MeterRegistry meters;
    private final TypedListener<ResumeEmbeddings> embedded;

    public IndexListeners(RagIndex index, MeterRegistry meters, ConsumeKit kit) {
        this.index = index;
        this.meters = meters;
        this.embedded = kit.listener(Topics.RESUME_EMBEDDED).handler(this::index);
    }

    @KafkaListener(id = "rag-indexer", idIsGroup = false, topics = Topics.RESUME_EMBEDDED_NAME, batch = "true")
    public void onEmbedded(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        embedded.onBatch(records);
    }

    private void index(List<Received<ResumeEmbeddings>> batch) {
        for (Received<ResumeEmbeddings> received : batch) {
            EventEnvelope<ResumeEmbeddings> envelope = received.envelope();
            try {
                boolean stored = index.index(envelope.tenantId(), envelope.payload());
                count("indexed", stored ? "stored" : "stale");
            } catch (com.talentpipeline.inference.text.EmbeddingException | IllegalArgumentException e) {
                skip(Topics.RESUME_EMBEDDED, received.record(), e);
            }
        }
    }

    private void count(String action, String outcome) {
        Counter.builder("pipeline.rag.index.events").description("Resume versions indexed or dropped by the RAG worker")
                .tag("action", action).tag("outcome", outcome).register(meters).increment();
    }

    /**
     * A record this worker cannot read or index. {@code resume.embedded} is written by the embedding worker after
     * its own checks (a bad submission is dead-lettered and its task failed there), so this is a bug or
     * a version skew, not user input: the indexer logs, counts and skips it (the partition keeps moving)
     * and the alert on {@code pipeline_consumer_errors_total} shows it.
     */
    private void skip(Topic<?> topic, ConsumerRecord<String, byte[]> record, Exception cause) {
        log.warn("skipping unreadable {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), cause.toString());
        Counter.builder("pipeline.consumer.errors").description("Records a consumer could not process")
                .tag("topic", topic.name()).tag("reason", cause instanceof com.talentpipeline.inference.text.EmbeddingException
                        ? "model_failed" : "malformed_event")
                .register(meters).increment();
    }
}
