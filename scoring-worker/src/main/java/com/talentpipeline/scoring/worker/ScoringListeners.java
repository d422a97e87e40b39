package com.talentpipeline.scoring.worker;

import com.talentpipeline.core.topic.Topics;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The worker's batch consumers, in the group {@code scoring-worker}: resume versions to score (from
 * {@code resume.embedded}, which carries each version's content and profile vector),
 * and interviews to score. Erasures reach {@link ScoringErasure} through the erasure kit's listener.
 */
@Component
class ScoringListeners {

    private final ResumeScoring resumes;
    private final InterviewScoring interviews;

    public ScoringListeners(ResumeScoring resumes, InterviewScoring interviews) {
        this.resumes = resumes;
        this.interviews = interviews;
    }

    @KafkaListener(id = "resume-scorer", idIsGroup = false, topics = Topics.RESUME_EMBEDDED_NAME, batch = "true")
    public void onResumes(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        resumes.onBatch(records);
    }

    @KafkaListener(id = "interview-scorer", idIsGroup = false, topics = Topics.INTERVIEW_SUBMITTED_NAME, batch = "true")
    public void onInterviews(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        interviews.onBatch(records);
    }
}
