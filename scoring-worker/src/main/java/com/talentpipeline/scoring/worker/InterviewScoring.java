package com.talentpipeline.scoring.worker;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.interview.InterviewSubmitted;
import com.talentpipeline.core.job.Job;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.kafka.consume.ConsumeKit;
import com.talentpipeline.core.kafka.consume.DeadLetters;
import com.talentpipeline.core.kafka.consume.Received;
import com.talentpipeline.core.kafka.consume.TypedListener;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Scores each {@code interview.submitted} transcript: RUNNING, then SUCCEEDED with the result (which
 * lists any scorer that was missing), or FAILED when no scorer could run. An unreadable record (or one
 * without rubric or task id) goes to {@code interview.submitted.DLT} and, when its task id can be read, the
 * task to FAILED ({@code MALFORMED_EVENT}): the consume kit does both.
 */
@Component
class InterviewScoring {

    private static final Logger log = LoggerFactory.getLogger(InterviewScoring.class);

    private final InterviewScorer scorer;
    private final Documents documents;
    private final JobKeywords keywords;
    private final TextEncoder encoder;
    private final KafkaTemplate<String, byte[]> kafka;
    private final MeterRegistry meters;
    private final DeadLetters deadLetters;
    private final TypedListener<InterviewSubmitted> listener;

    private final Duration documentWait;

    public InterviewScoring(InterviewScorer scorer, Documents documents, JobKeywords keywords, TextEncoder encoder,
            KafkaTemplate<String, byte[]> kafka, MeterRegistry meters, ConsumeKit kit,
            @Value("${pipeline.scoring.documents.request-wait:1s}") Duration documentWait) {
        this.documentWait = documentWait;
        this.scorer = scorer;
        this.documents = documents;
        this.keywords = keywords;
        this.encoder = encoder;
        this.kafka = kafka;
        this.meters = meters;
        this.deadLetters = kit.deadLetters();
        this.listener = kit.listener(Topics.INTERVIEW_SUBMITTED).failingTasksAs(TaskType.INTERVIEW_SCORE)
                .requiring(envelope -> {
                    if (envelope.payload().rubric() == null || envelope.taskId() == null) {
                        throw new IllegalArgumentException("the interview event has no rubric or task id");
                    }
                }).handler(this::process);
    }

    /** One poll of {@code interview.submitted}, as the {@code @KafkaListener} receives it. */
    public void onBatch(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        listener.onBatch(records);
    }

    /** Processes one decoded batch; returns when everything it published is acknowledged. */
    void process(List<Received<InterviewSubmitted>> records) throws Exception {
        Outbox out = new Outbox(kafka, deadLetters);
        for (Received<InterviewSubmitted> received : records) {
            scoreOne(received.envelope(), out);
        }
        out.awaitAcks(30_000);
    }

    private void scoreOne(EventEnvelope<InterviewSubmitted> envelope, Outbox out) {
        InterviewSubmitted interview = envelope.payload();
        String subject = envelope.subjectId();
        out.task(envelope, envelope.taskId(), subject, TaskEvent.running(TaskType.INTERVIEW_SCORE));
        List<String> jobKeywords = List.of();
        if (interview.jobId() != null) {
            // A job submitted just before the interview may not be in the projection yet: looked up again for a moment.
            Job job = Documents.patiently(documents.job(envelope.tenantId(), interview.jobId()), documentWait)
                    .block(Duration.ofSeconds(30).plus(documentWait));
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

    private void count(String outcome) {
        Counter.builder("scoring.interviews").description("Interviews handled by the scoring worker, by outcome")
                .tag("outcome", outcome).register(meters).increment();
    }
}
