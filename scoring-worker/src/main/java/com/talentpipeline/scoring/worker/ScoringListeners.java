package com.talentpipeline.scoring.worker;

import com.talentpipeline.core.cache.ResultCache;
import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.resume.ResumeUpdated;
import com.talentpipeline.core.topic.Topics;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The worker's batch consumers, in the group {@code scoring-worker}: resume versions to score (from
 * {@code resume.embedded}, which carries each version's content and profile vector),
 * interviews to score, and erasures ({@code resume.updated} with source {@code deleted}) that remove a
 * resume's scores, predictions and cache entries.
 */
@Component
public class ScoringListeners {

    private static final Logger log = LoggerFactory.getLogger(ScoringListeners.class);

    private final ResumeScoring resumes;
    private final InterviewScoring interviews;
    private final com.talentpipeline.scoring.store.ScoreStore store;
    private final ResultCache cache;

    public ScoringListeners(ResumeScoring resumes, InterviewScoring interviews,
            com.talentpipeline.scoring.store.ScoreStore store, ResultCache cache) {
        this.resumes = resumes;
        this.interviews = interviews;
        this.store = store;
        this.cache = cache;
    }

    @KafkaListener(id = "resume-scorer", idIsGroup = false, topics = Topics.RESUME_EMBEDDED_NAME, batch = "true")
    public void onResumes(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        resumes.onBatch(records);
    }

    @KafkaListener(id = "interview-scorer", idIsGroup = false, topics = Topics.INTERVIEW_SUBMITTED_NAME, batch = "true")
    public void onInterviews(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        interviews.onBatch(records);
    }

    @KafkaListener(id = "scoring-eraser", idIsGroup = false, topics = Topics.RESUME_UPDATED_NAME, batch = "true")
    public void onUpdated(List<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            EventEnvelope<ResumeUpdated> envelope;
            try {
                envelope = Topics.RESUME_UPDATED.decode(record.value());
            } catch (RuntimeException e) {
                log.warn("skipping unreadable {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.toString());
                continue;
            }
            if (envelope.payload().deleted()) {
                String id = envelope.payload().resumeId();
                store.erase(envelope.tenantId(), id).block(Duration.ofSeconds(30));
                cache.evictSubject(ResumeScoring.CACHE_KIND, id).block(Duration.ofSeconds(10));
            }
        }
    }
}
