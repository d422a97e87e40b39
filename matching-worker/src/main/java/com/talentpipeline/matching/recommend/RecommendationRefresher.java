package com.talentpipeline.matching.recommend;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.kafka.consume.ConsumeKit;
import com.talentpipeline.core.kafka.consume.Received;
import com.talentpipeline.core.kafka.consume.TypedListener;
import com.talentpipeline.core.resume.RecommendationsUpdated;
import com.talentpipeline.core.resume.ResumeEmbeddings;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.core.match.MatchResult;
import com.talentpipeline.matching.compare.ResumeProfile;
import com.talentpipeline.matching.config.MatchingProperties;
import com.talentpipeline.matching.index.CompactedTopicReader;
import com.talentpipeline.matching.index.ResumeVectors;
import com.talentpipeline.matching.store.DocumentStore;
import com.talentpipeline.matching.store.StoredDocument;
import com.talentpipeline.matching.task.TaskPublisher;
import com.talentpipeline.matching.task.TaskPublisher.TaskRef;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Computes a resume version's recommendations (top jobs): in the consumer group {@code matching-worker}
 * (committed offsets, at-least-once), every {@code resume.embedded} record yields a {@code recommendations}
 * task (id {@link com.talentpipeline.core.task.TaskIds#recommendations}, so a redelivery rewrites the same
 * task) and, for a version above 1 (recomputed recommendations), a {@code recommendations.updated} event
 * (for webhooks). The results API writes the version's {@code predictions} row (its table) from the
 * task's SUCCEEDED result, in the transaction that records it. {@code resume.embedded} rather than
 * {@code resume.updated} is the trigger because the new version's vectors are needed. Erasures reach
 * {@link MatchingErasure} through the erasure kit's listener.
 * Decoding and unreadable records are the consume kit's (skipped and counted: {@code resume.embedded}'s
 * policy); infrastructure errors escape so the kit's error handler retries the batch.
 */
public class RecommendationRefresher {

    private static final Logger log = LoggerFactory.getLogger(RecommendationRefresher.class);

    private final Recommender recommender;
    private final ResumeVectors resumes;
    private final DocumentStore documents;
    private final TaskPublisher tasks;
    private final KafkaTemplate<String, byte[]> kafka;
    private final CompactedTopicReader jobsReader;
    private final MatchingProperties properties;
    private final TypedListener<ResumeEmbeddings> embedded;

    public RecommendationRefresher(Recommender recommender, ResumeVectors resumes, DocumentStore documents,
            TaskPublisher tasks, KafkaTemplate<String, byte[]> kafka,
            CompactedTopicReader jobsReader, MatchingProperties properties, ConsumeKit kit) {
        this.recommender = recommender;
        this.resumes = resumes;
        this.documents = documents;
        this.tasks = tasks;
        this.kafka = kafka;
        this.jobsReader = jobsReader;
        this.properties = properties;
        this.embedded = kit.listener(Topics.RESUME_EMBEDDED).handler(batch -> {
            for (Received<ResumeEmbeddings> received : batch) {
                resumes.put(received.envelope()); // the reader may lag this group; the new version must be used
                // Every version, the first included: its top jobs are part of the upload's prediction.
                refresh(received.envelope());
            }
        });
    }

    /** The deterministic id of the recommendations task of a resume version. */
    public static UUID taskId(String tenantId, String resumeId, int version) {
        return com.talentpipeline.core.task.TaskIds.recommendations(tenantId, resumeId, version);
    }

    @KafkaListener(id = "matching-recommendations", idIsGroup = false, topics = Topics.RESUME_EMBEDDED_NAME, batch = "true")
    public void onEmbedded(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        embedded.onBatch(records);
    }

    private void refresh(EventEnvelope<ResumeEmbeddings> envelope) throws InterruptedException {
        if (!jobsReader.awaitCaughtUp(properties.index().catchUpTimeout())) {
            throw new IllegalStateException("job index not caught up; retrying the batch");
        }
        ResumeEmbeddings embeddings = envelope.payload();
        // resume.embedded can overtake resume.submitted's way into this worker's projection (another
        // consumer group): wait for the version, and retry the batch (the kit's back-off) while it is missing.
        StoredDocument row = documents.resumeAtLeast(envelope.tenantId(), embeddings.resumeId(), embeddings.version())
                .block(Duration.ofMinutes(1));
        if (row == null) {
            if (Boolean.TRUE.equals(documents.erased(envelope.tenantId(), embeddings.resumeId()).block(Duration.ofSeconds(10)))) {
                return; // erased meanwhile
            }
            throw new IllegalStateException("resume " + embeddings.resumeId() + " v" + embeddings.version()
                    + " is not in the matching worker's document projection yet; retrying the batch");
        }
        ResumeProfile profile = Profiles.of(row, embeddings);
        List<MatchResult> jobs = recommender.recommend(profile, properties.recommendations().defaultLimit(), JobFilter.NONE);
        UUID taskId = taskId(envelope.tenantId(), embeddings.resumeId(), embeddings.version());
        TaskRef task = new TaskRef(taskId, TaskType.RECOMMENDATIONS, envelope.tenantId(), embeddings.resumeId());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("resumeId", embeddings.resumeId());
        result.put("resumeVersion", embeddings.version());
        result.put("recommendations", jobs);
        try {
            tasks.succeeded(task, embeddings.model(), result, false).get(30, TimeUnit.SECONDS);
            if (embeddings.version() == 1) {
                return; // recommendations.updated announces recomputed recommendations: a new version's
            }
            List<RecommendationsUpdated.RecommendedJob> top = jobs.stream()
                    .map(m -> new RecommendationsUpdated.RecommendedJob(m.jobId(), m.jobTitle(), m.company(), m.matchPercentage()))
                    .toList();
            var updated = new RecommendationsUpdated(embeddings.resumeId(), embeddings.version(), taskId, top);
            var out = EventEnvelope.of(Topics.RECOMMENDATIONS_UPDATED_NAME, taskId, envelope.tenantId(),
                    embeddings.resumeId(), envelope.contentHash(), envelope.traceparent(), updated);
            kafka.send(new ProducerRecord<>(Topics.RECOMMENDATIONS_UPDATED.name(), embeddings.resumeId(),
                    Topics.RECOMMENDATIONS_UPDATED.encode(out))).get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not publish recommendations of a resume: " + e, e);
        }
    }
}
