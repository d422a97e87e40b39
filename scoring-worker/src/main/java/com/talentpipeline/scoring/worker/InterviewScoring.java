package com.talentpipeline.scoring.worker;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.interview.InterviewSubmitted;
import com.talentpipeline.core.job.Job;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.task.ErrorCode;
import com.talentpipeline.core.task.ModelRef;
import com.talentpipeline.core.task.TaskEvent;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.inference.model.ModelInfo;
import com.talentpipeline.inference.text.TextEncoder;
import com.talentpipeline.scoring.interview.InterviewResult;
import com.talentpipeline.scoring.interview.InterviewScorer;
import com.talentpipeline.scoring.resume.JobKeywords;
import com.talentpipeline.scoring.store.Documents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Scores each {@code interview.submitted} transcript: RUNNING, then SUCCEEDED with the result (which
 * lists any scorer that was missing), or FAILED when no scorer could run. An unreadable record goes to
 * {@code interview.submitted.DLT} and, when its task id can be read, the task to FAILED.
 */
@Component
public class InterviewScoring {

    private static final Logger log = LoggerFactory.getLogger(InterviewScoring.class);

    private final InterviewScorer scorer;
    private final Documents documents;
    private final JobKeywords keywords;
    private final TextEncoder encoder;
    private final KafkaTemplate<String, byte[]> kafka;
    private final MeterRegistry meters;

    public InterviewScoring(InterviewScorer scorer, Documents documents, JobKeywords keywords, TextEncoder encoder,
            KafkaTemplate<String, byte[]> kafka, MeterRegistry meters) {
        this.scorer = scorer;
        this.documents = documents;
        this.keywords = keywords;
        this.encoder = encoder;
        this.kafka = kafka;
        this.meters = meters;
    }

    /** Processes one polled batch; returns when everything it published is acknowledged. */
    public void process(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        Outbox out = new Outbox(kafka, meters);
        for (ConsumerRecord<String, byte[]> record : records) {
            EventEnvelope<InterviewSubmitted> envelope;
            try {
                envelope = Topics.INTERVIEW_SUBMITTED.decode(record.value());
                if (envelope.payload() == null || envelope.payload().rubric() == null || envelope.taskId() == null) {
                    throw new IllegalArgumentException("the interview event has no payload, rubric or task id");
                }
            } catch (RuntimeException e) {
                malformed(record, e, out);
                continue;
            }
            scoreOne(envelope, out);
        }
        out.awaitAcks(30_000);
    }

    private void scoreOne(EventEnvelope<InterviewSubmitted> envelope, Outbox out) {
        InterviewSubmitted interview = envelope.payload();
        String subject = envelope.subjectId();
        out.task(envelope, envelope.taskId(), subject, TaskEvent.running(TaskType.INTERVIEW_SCORE));
        List<String> jobKeywords = List.of();
        if (interview.jobId() != null) {
            Job job = documents.job(envelope.tenantId(), interview.jobId()).block(Duration.ofSeconds(30));
            jobKeywords = job == null ? List.of() : keywords.of(job);
        }
        InterviewResult result = scorer.score(interview, jobKeywords);
        if (result.dimensions().isEmpty()) {
            String reasons = String.join("; ", result.missing().stream().map(m -> m.scorer() + " " + m.reason()).toList());
            out.task(envelope, envelope.taskId(), subject, TaskEvent.failed(TaskType.INTERVIEW_SCORE, ErrorCode.MODEL_FAILED,
                    "No interview scorer could run: " + reasons));
            count("failed");
            return;
        }
        JsonNode json = PipelineJson.mapper().valueToTree(result);
        ModelInfo info = encoder.info();
        out.task(envelope, envelope.taskId(), subject, TaskEvent.succeeded(TaskType.INTERVIEW_SCORE,
                new ModelRef(info.name(), info.version(), info.dimension()), "/v1/tasks/" + envelope.taskId(), json, false));
        count(result.complete() ? "complete" : "partial");
        log.info("task {} interview {} scored (complete={})", envelope.taskId(), subject, result.complete());
    }

    private void malformed(ConsumerRecord<String, byte[]> record, RuntimeException e, Outbox out) {
        log.warn("malformed record {}-{}@{} dead-lettered: {}", record.topic(), record.partition(), record.offset(),
                e.getMessage());
        out.deadLetter(Topics.INTERVIEW_SUBMITTED, record, e);
        count("malformed");
        try {
            JsonNode node = PipelineJson.mapper().readTree(record.value());
            if (node != null && node.hasNonNull("taskId") && record.key() != null) {
                String tenant = node.hasNonNull("tenantId") ? node.get("tenantId").asString() : "default";
                UUID taskId = UUID.fromString(node.get("taskId").asString());
                EventEnvelope<Object> cause = new EventEnvelope<>(null, null, taskId, tenant, record.key(), null, null, null, null);
                out.task(cause, taskId, record.key(), TaskEvent.failed(TaskType.INTERVIEW_SCORE, ErrorCode.MALFORMED_EVENT,
                        "The interview event could not be read: " + e.getMessage()));
            }
        } catch (RuntimeException ignored) {
            // Not even JSON: nothing names a task to fail; the DLT copy is the record of it.
        }
    }

    private void count(String outcome) {
        Counter.builder("scoring.interviews").description("Interviews handled by the scoring worker, by outcome")
                .tag("outcome", outcome).register(meters).increment();
    }
}
